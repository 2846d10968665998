import { fake } from '../helpers/fake-secrets';
import { ruleTester } from '../helpers/rule-tester';

const secret = (body: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\n${body}`;
const b64 = Buffer.from(fake.password()).toString('base64');

ruleTester('secret-manifest', {
  valid: [
    { name: 'no data', path: 's.yaml', code: secret('') },
    { name: 'empty data', path: 's.yaml', code: secret('data: {}\n') },
    { name: 'values filled at deploy time', path: 's.yaml', code: secret('stringData:\n  password: "${DB_PASSWORD}"\n  user: ""\ndata:\n  token: ""\n') },
    { name: 'a SealedSecret holds ciphertext', path: 's.yaml', code: `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: db}\nspec:\n  encryptedData:\n    password: ${b64}\n` },
  ],
  invalid: [
    {
      name: 'base64 data',
      path: 's.yaml',
      code: secret(`data:\n  password: ${b64}\n`),
      errors: [{ line: 6, column: 1, endColumn: 5, severity: 'warning', message: 'commits 1 value in data (base64 is not encryption)' }],
      output: null,
    },
    {
      name: 'stringData, reported once per Secret',
      path: 's.yaml',
      code: secret(`stringData:\n  user: app\n  password: ${fake.password()}\ndata:\n  extra: ${b64}\n`),
      errors: [{ line: 6, column: 1, message: '2 values in stringData' }],
    },
    {
      name: 'Secrets inside a List',
      path: 'l.yaml',
      code: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: a}\n    data: {key: ${b64}}\n`,
      errors: [{ line: 7, column: 5 }],
    },
  ],
});
