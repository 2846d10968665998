import { ruleTester } from '../helpers/rule-tester';

const D = 'Dockerfile';

ruleTester('sudo-in-run', {
  valid: [
    { name: 'sudo inside a string', path: D, code: 'FROM debian:12\nRUN echo "run sudo make install" > /README\n' },
    { name: 'installing the sudo package', path: D, code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends sudo=1.9.13p3-1\n' },
    { name: 'sudo group membership', path: D, code: 'FROM debian:12\nRUN usermod -aG sudo app && chown -R app:sudo /srv\n' },
    { name: 'sudoers file written', path: D, code: "FROM debian:12\nRUN echo 'app ALL=(ALL) NOPASSWD: ALL' >> /etc/sudoers.d/app\n" },
    { name: 'sudo in a comment line of a continued RUN', path: D, code: 'FROM debian:12\nRUN apt-get update \\\n  # sudo is not needed\n  && make\n' },
    { name: 'sudo in CMD is not a build step', path: D, code: 'FROM debian:12\nCMD sudo -u app /srv/run\n' },
    { name: 'gosu instead of sudo', path: D, code: 'FROM debian:12\nRUN gosu app make\n' },
  ],
  invalid: [
    { name: 'sudo apt-get', path: D, code: 'FROM debian:12\nRUN sudo apt-get update\n', errors: [{ line: 2, column: 5, endColumn: 9, severity: 'warning', message: 'sudo is used in RUN' }], output: null },
    { name: 'sudo after &&', path: D, code: 'FROM debian:12\nRUN make && sudo make install\n', errors: [{ line: 2, column: 13 }] },
    { name: 'sudo with options', path: D, code: 'FROM debian:12\nRUN sudo -u app -E make\n', errors: [{ line: 2, column: 5 }] },
    { name: 'sudo in a pipeline stage', path: D, code: 'FROM debian:12\nRUN echo x | sudo tee /etc/x.conf\n', errors: [{ line: 2, column: 14 }] },
    { name: 'sudo on a continued line', path: D, code: 'FROM debian:12\nRUN set -e; \\\n    sudo make install\n', errors: [{ line: 3, column: 5 }] },
    { name: 'env sudo', path: D, code: 'FROM debian:12\nRUN env DEBIAN_FRONTEND=noninteractive sudo apt-get update\n', errors: [{ line: 2, column: 40 }] },
    { name: 'sudo in $(…)', path: D, code: 'FROM debian:12\nRUN X=$(sudo cat /etc/shadow) && echo ok\n', errors: [{ line: 2, column: 9 }] },
    { name: 'exec form', path: D, code: 'FROM debian:12\nRUN ["sudo", "make", "install"]\n', errors: [{ line: 2, column: 6, endColumn: 12 }] },
    { name: 'RUN heredoc', path: D, code: 'FROM debian:12\nRUN <<EOF\nsudo make install\nEOF\n', errors: [{ line: 3, column: 1 }] },
  ],
});
