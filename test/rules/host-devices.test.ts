import { ruleTester } from '../helpers/rule-tester';

ruleTester('host-devices', {
  valid: [
    { name: 'a sound card', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    devices: ["/dev/snd:/dev/snd"]\n' },
    { name: 'GPU device', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    devices:\n      - /dev/dri/renderD128:/dev/dri/renderD128\n' },
    { name: 'interpolated device', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    devices: ["${DISK}:/dev/xvda"]\n' },
    { name: 'a device path as a volume target is not a device', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    volumes: ["./data:/dev/sda-backup:ro"]\n' },
    { name: 'a CDI device name', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    devices: ["nvidia.com/gpu=all"]\n' },
  ],
  invalid: [
    {
      name: '/dev/kvm',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    devices:\n      - /dev/snd:/dev/snd\n      - "/dev/kvm:/dev/kvm:rwm"\n',
      errors: [{ line: 6, column: 9, endColumn: 32, severity: 'error', message: 'hypervisor' }],
      output: 'services:\n  a:\n    image: x:1\n    devices:\n      - /dev/snd:/dev/snd\n',
      safe: false,
    },
    {
      name: 'raw disks, memory, tun and fuse',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    devices: [/dev/sda, "/dev/nvme0n1:/dev/disk0", /dev/mem, /dev/net/tun, /dev/fuse, /dev/xvdb1]\n',
      errors: [{ line: 4, column: 15, message: 'raw disk' }, { line: 4, column: 25 }, { line: 4, column: 52, message: 'physical memory' }, { line: 4, column: 62 }, { line: 4, column: 76 }, { line: 4, column: 87 }],
    },
    {
      name: 'long syntax',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    devices:\n      - source: /dev/port\n        target: /dev/port\n',
      errors: [{ line: 5, column: 9, message: 'I/O ports' }],
    },
  ],
});
