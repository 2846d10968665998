import { ruleTester } from '../helpers/rule-tester';

const D = 'Dockerfile';
const pod = (ports: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: app\n      image: x:1\n      ports:\n${ports}`;

ruleTester('ssh-exposed', {
  valid: [
    { name: 'EXPOSE 2222 and 8022', path: D, code: 'FROM debian:12\nEXPOSE 2222 8022\n' },
    { name: 'EXPOSE 22/udp', path: D, code: 'FROM debian:12\nEXPOSE 22/udp\n' },
    { name: 'openssh-client', path: D, code: 'FROM debian:12\nRUN apt-get install -y openssh-client=1:9.2p1-2\n' },
    { name: 'apk openssh-client', path: D, code: 'FROM alpine:3.20\nRUN apk add --no-cache openssh-client-default\n' },
    { name: 'sshd in a string', path: D, code: 'FROM debian:12\nCMD ["echo", "no sshd here"]\n' },
    { name: 'ssh client in CMD', path: D, code: 'FROM debian:12\nCMD ssh -N tunnel@bastion\n' },
    { name: 'sshd in RUN (config test) is not the CMD', path: D, code: 'FROM debian:12\nRUN sshd -t || true\n' },
    { name: 'compose port 2222:2222', path: 'compose.yaml', code: 'services:\n  a:\n    ports:\n      - "2222:2222"\n' },
    { name: 'compose expose (not published)', path: 'compose.yaml', code: 'services:\n  a:\n    expose:\n      - "22"\n' },
    { name: 'k8s port 2222', path: 'p.yaml', code: pod('        - containerPort: 2222\n') },
  ],
  invalid: [
    { name: 'EXPOSE 22 alone: the line goes', path: D, code: 'FROM debian:12\nEXPOSE 22\nCMD ["app"]\n', errors: [{ line: 2, column: 8, endColumn: 10, severity: 'warning', message: 'EXPOSE 22 advertises SSH' }], output: 'FROM debian:12\nCMD ["app"]\n', safe: false },
    { name: 'EXPOSE 22 8080', path: D, code: 'FROM debian:12\nEXPOSE 22 8080\n', errors: [{ line: 2, column: 8 }], output: 'FROM debian:12\nEXPOSE 8080\n' },
    { name: 'EXPOSE 8080 22/tcp', path: D, code: 'FROM debian:12\nEXPOSE 8080 22/tcp\n', errors: [{ line: 2, column: 13 }], output: 'FROM debian:12\nEXPOSE 8080\n' },
    { name: 'EXPOSE from an ARG default: no fix', path: D, code: 'FROM debian:12\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n', errors: [{ line: 3, column: 8 }], output: null },
    { name: 'EXPOSE range holding 22: no fix', path: D, code: 'FROM debian:12\nEXPOSE 20-30\n', errors: [{ line: 2, column: 8 }], output: null },
    { name: 'EXPOSE 22 last line without newline', path: D, code: 'FROM debian:12\nEXPOSE 22', errors: [{ line: 2, column: 8 }], output: 'FROM debian:12\n' },
    { name: 'apt-get install openssh-server', path: D, code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\n', errors: [{ line: 2, column: 66, message: 'installs an SSH server' }], output: null },
    { name: 'apk add openssh', path: D, code: 'FROM alpine:3.20\nRUN apk add --no-cache openssh=9.7_p1-r4\n', errors: [{ line: 2, column: 24 }] },
    { name: 'CMD sshd -D (exec form)', path: D, code: 'FROM debian:12\nCMD ["/usr/sbin/sshd", "-D"]\n', errors: [{ line: 2, column: 6, message: 'starts an SSH server' }] },
    { name: 'ENTRYPOINT shell form after &&', path: D, code: 'FROM debian:12\nENTRYPOINT service ssh start && exec app\n', errors: [{ line: 2, column: 12 }] },
    { name: 'CMD sh -c script', path: D, code: 'FROM debian:12\nCMD ["sh", "-c", "/usr/sbin/sshd && exec app"]\n', errors: [{ line: 2, column: 19 }] },
    { name: 'compose container port 22 on a random host port', path: 'compose.yaml', code: 'services:\n  a:\n    ports:\n      - "22"\n', errors: [{ line: 4, column: 9 }] },
    { name: 'compose 2222:22', path: 'compose.yaml', code: 'services:\n  a:\n    ports:\n      - "2222:22"\n', errors: [{ line: 4, column: 9, message: 'container port 22' }] },
    { name: 'compose host port 22', path: 'compose.yaml', code: 'services:\n  a:\n    ports:\n      - "22:2222"\n', errors: [{ line: 4, column: 9, message: 'host port 22' }] },
    { name: 'compose long syntax', path: 'compose.yaml', code: 'services:\n  a:\n    ports:\n      - target: 22\n        published: 2022\n', errors: [{ line: 4, column: 9 }] },
    { name: 'k8s containerPort 22', path: 'p.yaml', code: pod('        - containerPort: 22\n          name: ssh\n'), errors: [{ line: 10, column: 11 }] },
  ],
});
