import { ruleTester } from '../helpers/rule-tester';

ruleTester('mount-propagation-shared', {
  valid: [
    { name: 'default propagation', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    volumes: ["./data:/data"]\n' },
    { name: 'rslave', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /mnt\n        target: /mnt\n        bind: {propagation: rslave}\n' },
    { name: 'a named volume called shared', path: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    volumes: ["shared:/data"]\nvolumes:\n  shared: {}\n' },
  ],
  invalid: [
    {
      name: 'short syntax rshared',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - /mnt/data:/data:rshared,ro\n',
      errors: [{ line: 5, column: 9, severity: 'info', message: 'rshared propagation' }],
      output: null,
    },
    {
      name: 'long syntax shared, at the propagation value',
      path: 'compose.yaml',
      code: 'services:\n  a:\n    image: x:1\n    volumes:\n      - type: bind\n        source: ./plugins\n        target: /plugins\n        bind:\n          propagation: shared\n',
      errors: [{ line: 9, column: 24 }],
    },
  ],
});
