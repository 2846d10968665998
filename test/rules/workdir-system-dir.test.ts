import { ruleTester } from '../helpers/rule-tester';

ruleTester('workdir-system-dir', {
  valid: [
    { name: 'an application directory', path: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR /app\n' },
    { name: 'a name that only starts like one', path: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR /devtools\nWORKDIR /process\nWORKDIR /system\n' },
    { name: 'a relative path on an image: its WORKDIR is unknown', path: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR proc\n' },
    { name: 'relative to an application directory', path: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR /srv\nWORKDIR dev\n' },
    { name: 'an ARG without default', path: 'Dockerfile', code: 'FROM alpine:3.20\nARG DIR\nWORKDIR ${DIR}\n' },
    { name: 'leaving with ..', path: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR /dev/../app\n' },
  ],
  invalid: [
    { name: 'WORKDIR /proc', path: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR /proc\n', errors: [{ line: 2, column: 9, endColumn: 14, severity: 'warning', message: 'is /proc' }], output: null },
    { name: 'under /sys', path: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR /sys/fs/cgroup\n', errors: [{ line: 2, column: 9, message: 'inside /sys' }] },
    { name: 'relative after an absolute WORKDIR', path: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR /\nWORKDIR boot\n', errors: [{ line: 3, column: 9, message: '/boot' }] },
    { name: 'inherited from the stage it builds on', path: 'Dockerfile', code: 'FROM alpine:3.20 AS base\nWORKDIR /dev\nFROM base\nWORKDIR shm\n', errors: [{ line: 2, column: 9 }, { line: 4, column: 9, message: '/dev/shm' }] },
    { name: 'through an ARG default', path: 'Dockerfile', code: 'FROM alpine:3.20\nARG DIR=/proc/self\nWORKDIR ${DIR}\n', errors: [{ line: 3, column: 9 }] },
    { name: 'on scratch a relative path starts at /', path: 'Dockerfile', code: 'FROM scratch\nWORKDIR dev\n', errors: [{ line: 2, column: 9 }] },
    { name: 'double slashes and dots', path: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR //app/..//sys/./kernel\n', errors: [{ line: 2, column: 9, message: '/sys/kernel' }] },
  ],
});
