// File names that make a file a container file. Dependency-free, so the VS Code client can decide
// when to start the server with the same patterns the server uses.

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:Dockerfile|dockerfile|Containerfile|containerfile))$/;
const COMPOSE_NAME = /(^|[\\/])(compose|docker-compose)[^\\/]*\.ya?ml$|\.compose\.ya?ml$/i;

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

export function isDockerfileName(path: string): boolean {
  return DOCKERFILE_NAME.test(baseName(path));
}

export function isComposeFileName(path: string | undefined): boolean {
  return !!path && COMPOSE_NAME.test(path);
}
