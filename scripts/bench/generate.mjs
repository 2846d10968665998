// Deterministic (seeded) generators for realistic benchmark inputs:
// Dockerfiles, multi-document Kubernetes manifests and Compose files.
// Every generator returns text with exactly the requested number of lines
// (a trailing newline is added; the line count excludes the empty string after it).
//
// Insecure patterns are sprinkled in on purpose (latest tags, root users,
// privileged pods, curl | sh, plain-text password-ish env vars). The "secret"
// values are deliberately NOT credential-shaped (no key/token formats), so
// secret scanners do not fire on this repo.

import fs from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------- PRNG ----
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function rand() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFrom(str, base = 0x5eed) {
  let h = base ^ 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function makeRng(seed) {
  const r = mulberry32(seed);
  const api = {
    next: r,
    int: (lo, hi) => lo + Math.floor(r() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(r() * arr.length)],
    chance: (p) => r() < p,
  };
  return api;
}

const WORDS = ['orders', 'billing', 'auth', 'catalog', 'search', 'gateway', 'worker', 'notifier',
  'ledger', 'inventory', 'reports', 'ingest', 'media', 'profile', 'checkout', 'metrics',
  'scheduler', 'mailer', 'audit', 'export'];
const TEAMS = ['payments', 'platform', 'growth', 'core', 'data', 'identity'];

// --------------------------------------------------------- Dockerfile ----
const BASES = [
  { from: 'node:20.11-bookworm-slim', pm: 'apt', lang: 'node' },
  { from: 'python:3.12-slim', pm: 'apt', lang: 'python' },
  { from: 'golang:1.22-alpine', pm: 'apk', lang: 'go' },
  { from: 'eclipse-temurin:21-jre-jammy', pm: 'apt', lang: 'java' },
  { from: 'debian:bookworm-20240311-slim', pm: 'apt', lang: 'generic' },
  { from: 'alpine:3.19', pm: 'apk', lang: 'generic' },
];
const INSECURE_BASES = ['ubuntu:latest', 'node:latest', 'python', 'alpine:latest', 'nginx'];

function dockerStage(rng, idx, prevStages) {
  const L = [];
  const base = rng.pick(BASES);
  const name = `${rng.pick(WORDS)}-${idx}`;
  const insecureFrom = rng.chance(0.2);
  const from = insecureFrom ? rng.pick(INSECURE_BASES) : base.from;
  L.push(`# ---- stage ${idx}: ${name} ----`);
  if (rng.chance(0.5)) L.push(`ARG BUILD_REV_${idx}=${rng.int(1000, 9999)}`);
  L.push(`FROM ${from} AS ${name}`);
  L.push(`ARG APP_ENV=production`);
  L.push(`ENV APP_HOME=/srv/${name} \\`);
  L.push(`    APP_ENV=\${APP_ENV} \\`);
  L.push(`    LOG_LEVEL=${rng.pick(['info', 'warn', 'debug'])}`);
  if (rng.chance(0.25)) L.push(`ENV DB_PASSWORD=changeme-${rng.pick(WORDS)}`);
  if (rng.chance(0.15)) L.push(`ARG API_TOKEN=placeholder-token-value`);
  L.push(`WORKDIR /srv/${name}`);
  L.push(`LABEL org.opencontainers.image.title="${name}" \\`);
  L.push(`      org.opencontainers.image.vendor="${rng.pick(TEAMS)}"`);
  const pkgs = ['ca-certificates', 'curl', 'git', 'tini', 'tzdata', 'openssl', 'jq', 'unzip', 'gnupg']
    .filter(() => rng.chance(0.5)).join(' ') || 'ca-certificates';
  if (base.pm === 'apt' && !/alpine/.test(from)) {
    L.push(`RUN apt-get update \\`);
    if (rng.chance(0.3)) L.push(`    && apt-get install -y ${pkgs} \\`);
    else L.push(`    && apt-get install -y --no-install-recommends ${pkgs} \\`);
    L.push(`    && rm -rf /var/lib/apt/lists/*`);
  } else {
    L.push(`RUN apk add --no-cache ${pkgs}`);
  }
  if (rng.chance(0.2)) L.push(`RUN curl -fsSL https://get.example.com/install.sh | sh`);
  if (rng.chance(0.1)) L.push(`ADD https://downloads.example.com/tool-${rng.int(1, 9)}.tar.gz /tmp/tool.tar.gz`);
  switch (base.lang) {
    case 'node':
      L.push(`COPY package.json package-lock.json ./`);
      L.push(`RUN --mount=type=cache,target=/root/.npm \\`);
      L.push(`    npm ci --omit=dev \\`);
      L.push(`    && npm cache clean --force`);
      break;
    case 'python':
      L.push(`COPY requirements.txt ./`);
      L.push(`RUN pip install --no-cache-dir -r requirements.txt`);
      break;
    case 'go':
      L.push(`COPY go.mod go.sum ./`);
      L.push(`RUN go mod download`);
      L.push(`COPY . .`);
      L.push(`RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/${name}`);
      break;
    case 'java':
      L.push(`COPY build/libs/${name}.jar /srv/${name}/app.jar`);
      break;
    default:
      L.push(`COPY scripts/ /usr/local/bin/`);
      L.push(`RUN chmod 0755 /usr/local/bin/*.sh`);
  }
  if (prevStages.length && rng.chance(0.6)) {
    L.push(`COPY --from=${rng.pick(prevStages)} /srv /srv/shared`);
  }
  L.push(`COPY --chown=10001:10001 . /srv/${name}`);
  if (rng.chance(0.1)) L.push(`RUN chmod -R 777 /srv/${name}`);
  if (rng.chance(0.4)) {
    L.push(`RUN groupadd --system app \\`);
    L.push(`    && useradd --system --gid app --uid 10001 --no-create-home app`);
  }
  L.push(`EXPOSE ${rng.pick([80, 3000, 5000, 8000, 8080, 9090])}`);
  if (rng.chance(0.4)) {
    L.push(`HEALTHCHECK --interval=30s --timeout=3s --retries=3 \\`);
    L.push(`  CMD curl -fsS http://localhost:8080/healthz || exit 1`);
  }
  L.push(rng.chance(0.25) ? 'USER root' : rng.chance(0.5) ? 'USER 10001:10001' : 'USER app');
  L.push(rng.pick([
    `CMD ["node", "dist/server.js"]`,
    `ENTRYPOINT ["/usr/bin/tini", "--"]`,
    `CMD ["python", "-m", "${name.replace(/-/g, '_')}"]`,
    `CMD /usr/local/bin/start.sh`,
    `ENTRYPOINT ["/out/app"]`,
  ]));
  L.push('');
  return { name, lines: L };
}

export function genDockerfile(lines, seed) {
  const rng = makeRng(seed);
  const out = ['# syntax=docker/dockerfile:1.7', `# Generated benchmark Dockerfile (${lines} lines)`];
  const stages = [];
  let idx = 0;
  for (;;) {
    const st = dockerStage(rng, idx, stages);
    if (out.length + st.lines.length > lines) break;
    out.push(...st.lines);
    stages.push(st.name);
    idx++;
  }
  if (stages.length === 0) {
    // tiny files: a single minimal but complete stage, truncated to fit
    const mini = ['FROM node:latest AS app', 'WORKDIR /app', 'COPY . .', 'RUN npm ci && npm run build',
      'ENV DB_PASSWORD=changeme-local', 'USER root', 'CMD ["node", "index.js"]'];
    out.push(...mini.slice(0, Math.max(0, lines - out.length)));
  }
  let pad = 0;
  while (out.length < lines) out.push(`LABEL bench.pad.${pad++}="filler"`);
  return out.slice(0, lines).join('\n') + '\n';
}

// --------------------------------------------------------- Kubernetes ----
function k8sDeployment(rng, idx) {
  const app = `${rng.pick(WORDS)}-${idx}`;
  const ns = rng.pick(TEAMS);
  const insecure = rng.chance(0.25);
  const image = rng.chance(0.2)
    ? `registry.example.com/${ns}/${app}:latest`
    : `registry.example.com/${ns}/${app}:1.${rng.int(0, 30)}.${rng.int(0, 9)}`;
  const L = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${app}`,
    `  namespace: ${ns}`,
    '  labels:',
    `    app: ${app}`,
    `    team: ${ns}`,
    'spec:',
    `  replicas: ${rng.int(1, 6)}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${app}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${app}`,
    '    spec:',
  ];
  if (insecure && rng.chance(0.5)) L.push('      hostNetwork: true');
  if (insecure && rng.chance(0.3)) L.push('      hostPID: true');
  L.push(`      serviceAccountName: ${app}`);
  if (!insecure) {
    L.push('      securityContext:', '        runAsNonRoot: true', '        runAsUser: 10001',
      '        fsGroup: 10001', '        seccompProfile:', '          type: RuntimeDefault');
  }
  L.push('      containers:', `        - name: ${app}`, `          image: ${image}`);
  L.push(`          imagePullPolicy: ${rng.pick(['IfNotPresent', 'Always'])}`);
  L.push('          ports:', `            - containerPort: ${rng.pick([8080, 3000, 9090])}`, '              name: http');
  L.push('          env:');
  L.push('            - name: LOG_LEVEL', `              value: ${rng.pick(['info', 'debug', 'warn'])}`);
  L.push('            - name: APP_NAME', `              value: ${app}`);
  if (rng.chance(0.3)) L.push('            - name: DB_PASSWORD', `              value: changeme-${rng.pick(WORDS)}`);
  else L.push('            - name: DB_PASSWORD', '              valueFrom:', '                secretKeyRef:',
    `                  name: ${app}-db`, '                  key: password');
  L.push('            - name: CONFIG_PATH', '              value: /etc/app/config.yaml');
  if (insecure) {
    L.push('          securityContext:', '            privileged: true', '            runAsUser: 0',
      '            allowPrivilegeEscalation: true');
  } else {
    L.push('          securityContext:', '            allowPrivilegeEscalation: false',
      '            readOnlyRootFilesystem: true', '            capabilities:', '              drop:', '                - ALL');
  }
  if (!insecure || rng.chance(0.5)) {
    L.push('          resources:', '            requests:', `              cpu: ${rng.pick(['50m', '100m', '250m'])}`,
      `              memory: ${rng.pick(['64Mi', '128Mi', '256Mi'])}`, '            limits:',
      `              cpu: ${rng.pick(['500m', '1', '2'])}`, `              memory: ${rng.pick(['256Mi', '512Mi', '1Gi'])}`);
  }
  L.push('          livenessProbe:', '            httpGet:', '              path: /healthz', '              port: http',
    `            initialDelaySeconds: ${rng.int(5, 30)}`, '          readinessProbe:', '            httpGet:',
    '              path: /ready', '              port: http');
  L.push('          volumeMounts:', '            - name: config', '              mountPath: /etc/app', '              readOnly: true');
  if (insecure && rng.chance(0.5)) L.push('            - name: docker-sock', '              mountPath: /var/run/docker.sock');
  L.push('      volumes:', '        - name: config', '          configMap:', `            name: ${app}-config`);
  if (insecure && rng.chance(0.5)) L.push('        - name: docker-sock', '          hostPath:', '            path: /var/run/docker.sock');
  return { app, ns, lines: L };
}

function k8sService(rng, app, ns) {
  const type = rng.chance(0.15) ? 'NodePort' : 'ClusterIP';
  return [
    'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${app}`, `  namespace: ${ns}`, '  labels:', `    app: ${app}`,
    'spec:', `  type: ${type}`, '  selector:', `    app: ${app}`, '  ports:', '    - name: http', '      port: 80',
    '      targetPort: http', '      protocol: TCP',
  ];
}

function k8sConfigMap(rng, app, ns, extra = 0) {
  const L = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${app}-config`, `  namespace: ${ns}`, 'data:',
    `  FEATURE_FLAGS: "${rng.pick(['beta', 'stable', 'canary'])}"`, `  CACHE_TTL_SECONDS: "${rng.int(30, 3600)}"`,
    '  config.yaml: |', '    server:', `      port: ${rng.pick([8080, 3000])}`, '    logging:', '      format: json'];
  for (let i = 0; i < extra; i++) L.push(`  EXTRA_SETTING_${i}: "${rng.int(0, 99999)}"`);
  return L;
}

export function genK8s(lines, seed) {
  const rng = makeRng(seed);
  const out = [`# Generated benchmark Kubernetes manifests (${lines} lines)`];
  let idx = 0;
  const fits = (doc) => out.length + 1 + doc.length <= lines;
  for (;;) {
    // Deployment + Service + ConfigMap per app; when a document no longer fits,
    // fall back to the smaller kinds, then pad the last ConfigMap / comments.
    const d = k8sDeployment(rng, idx);
    const svc = k8sService(rng, d.app, d.ns);
    const cm = k8sConfigMap(rng, d.app, d.ns);
    let added = 0;
    for (const doc of [d.lines, svc, cm]) {
      if (fits(doc)) { out.push('---', ...doc); added++; }
    }
    idx++;
    if (added < 3) break;
  }
  const room = lines - out.length - 1;
  if (room >= 14) out.push('---', ...k8sConfigMap(rng, `${rng.pick(WORDS)}-${idx}`, 'default', room - 13));
  while (out.length < lines) out.push('# end of generated manifests');
  return out.slice(0, lines).join('\n') + '\n';
}

// ------------------------------------------------------------ Compose ----
function composeService(rng, idx) {
  const name = `${rng.pick(WORDS)}-${idx}`;
  const insecure = rng.chance(0.25);
  const L = [`  ${name}:`];
  if (rng.chance(0.4)) L.push('    build:', `      context: ./services/${name}`, '      dockerfile: Dockerfile');
  L.push(`    image: ${rng.chance(0.2) ? `registry.example.com/${name}:latest` : `registry.example.com/${name}:2.${rng.int(0, 20)}.${rng.int(0, 9)}`}`);
  L.push(`    container_name: ${name}`, '    restart: unless-stopped');
  L.push('    environment:', `      LOG_LEVEL: ${rng.pick(['info', 'debug'])}`, `      SERVICE_NAME: ${name}`);
  if (rng.chance(0.3)) L.push(`      DB_PASSWORD: changeme-${rng.pick(WORDS)}`);
  else L.push(`      DB_PASSWORD_FILE: /run/secrets/${name}_db`);
  L.push('    ports:', `      - "${rng.int(3000, 9999)}:8080"`);
  L.push('    volumes:', `      - ./data/${name}:/var/lib/${name}`);
  if (insecure && rng.chance(0.5)) L.push('      - /var/run/docker.sock:/var/run/docker.sock');
  L.push('    networks:', '      - backend');
  if (idx > 0 && rng.chance(0.5)) L.push('    depends_on:', `      - db`);
  if (insecure) {
    if (rng.chance(0.5)) L.push('    privileged: true');
    if (rng.chance(0.3)) L.push('    network_mode: host');
    if (rng.chance(0.4)) L.push('    cap_add:', '      - SYS_ADMIN');
    L.push('    user: root');
  } else {
    L.push('    user: "10001:10001"', '    read_only: true', '    security_opt:', '      - no-new-privileges:true',
      '    cap_drop:', '      - ALL');
  }
  L.push('    healthcheck:', '      test: ["CMD", "curl", "-fsS", "http://localhost:8080/healthz"]', '      interval: 30s',
    '      timeout: 5s', '      retries: 3');
  if (!insecure || rng.chance(0.5)) {
    L.push('    deploy:', '      resources:', '        limits:', `          cpus: "${rng.pick(['0.5', '1.0', '2.0'])}"`,
      `          memory: ${rng.pick(['256M', '512M', '1G'])}`);
  }
  return L;
}

export function genCompose(lines, seed) {
  const rng = makeRng(seed);
  const head = [`# Generated benchmark compose file (${lines} lines)`, 'name: bench', 'services:', '  db:',
    '    image: postgres:16.2', '    environment:', '      POSTGRES_PASSWORD: changeme-local', '    volumes:',
    '      - pgdata:/var/lib/postgresql/data', '    networks:', '      - backend'];
  const tail = ['networks:', '  backend:', '    driver: bridge', 'volumes:', '  pgdata: {}'];
  const out = [...head];
  let idx = 0;
  for (;;) {
    const s = composeService(rng, idx + 1);
    if (out.length + s.length + tail.length > lines) break;
    out.push(...s);
    idx++;
  }
  while (out.length + tail.length < lines) out.push(`  # reserved slot ${out.length}`);
  out.push(...tail);
  return out.slice(0, lines).join('\n') + '\n';
}

// ---------------------------------------------------- input catalogue ----
export const FULL_SIZES = { dockerfile: [50, 1000, 10000], k8s: [100, 5000, 50000], compose: [2000] };
export const QUICK_SIZES = { dockerfile: [50, 1000], k8s: [100, 5000], compose: [2000] };

// Writes the inputs under `dir` and returns descriptors.
export function writeInputs(dir, sizes) {
  const inputs = [];
  for (const n of sizes.dockerfile) {
    const file = path.join(dir, `dockerfile-${n}`, 'Dockerfile');
    inputs.push({ id: `dockerfile-${n}`, kind: 'dockerfile', languageId: 'dockerfile', lines: n, file,
      text: genDockerfile(n, seedFrom(`dockerfile-${n}`)) });
  }
  for (const n of sizes.k8s) {
    const file = path.join(dir, `k8s-${n}`, 'manifests.yaml');
    inputs.push({ id: `k8s-${n}`, kind: 'k8s', languageId: 'yaml', lines: n, file,
      text: genK8s(n, seedFrom(`k8s-${n}`)) });
  }
  for (const n of sizes.compose) {
    const file = path.join(dir, `compose-${n}`, 'compose.yaml');
    inputs.push({ id: `compose-${n}`, kind: 'compose', languageId: 'dockercompose', lines: n, file,
      text: genCompose(n, seedFrom(`compose-${n}`)) });
  }
  for (const inp of inputs) {
    fs.mkdirSync(path.dirname(inp.file), { recursive: true });
    fs.writeFileSync(inp.file, inp.text);
    inp.bytes = Buffer.byteLength(inp.text);
    inp.actualLines = inp.text.split('\n').length - 1;
    inp.docs = inp.kind === 'dockerfile' ? (inp.text.match(/^FROM /gm) || []).length
      : (inp.text.match(/^---$/gm) || []).length;
    if (inp.kind === 'compose') inp.services = (inp.text.match(/^ {2}[a-z][\w-]*:$/gm) || []).length - 1; // minus the 'backend' network
  }
  return inputs;
}

// A tree of `count` small lintable files for the CLI throughput test:
// ~40% Dockerfiles, ~10% compose.yaml, ~50% Kubernetes manifests.
export function writeCliTree(dir, count, seed = seedFrom('cli-tree')) {
  const rng = makeRng(seed);
  const nDocker = Math.round(count * 0.4);
  const nCompose = Math.round(count * 0.1);
  const nK8s = count - nDocker - nCompose;
  const files = [];
  const put = (rel, text) => {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
    files.push(f);
  };
  for (let i = 0; i < nDocker; i++) {
    const g = String(Math.floor(i / 50)).padStart(3, '0');
    const rel = path.join('services', `group-${g}`, `svc-${String(i).padStart(5, '0')}`, 'Dockerfile');
    put(rel, genDockerfile(rng.int(12, 60), seedFrom(`cli-df-${i}`)));
  }
  for (let i = 0; i < nCompose; i++) {
    const g = String(Math.floor(i / 50)).padStart(3, '0');
    const rel = path.join('stacks', `group-${g}`, `stack-${String(i).padStart(5, '0')}`, 'compose.yaml');
    put(rel, genCompose(rng.int(40, 120), seedFrom(`cli-compose-${i}`)));
  }
  for (let i = 0; i < nK8s; i++) {
    const g = String(Math.floor(i / 100)).padStart(3, '0');
    const rel = path.join('deploy', `group-${g}`, `app-${String(i).padStart(5, '0')}.yaml`);
    put(rel, genK8s(rng.int(40, 110), seedFrom(`cli-k8s-${i}`)));
  }
  return { files, counts: { dockerfile: nDocker, compose: nCompose, k8s: nK8s } };
}
