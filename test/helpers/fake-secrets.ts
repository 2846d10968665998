/**
 * Credential-shaped test values, assembled at run time so that the repository itself never holds
 * a string a secret scanner or push protection would stop. None of them is a real credential.
 */
const body = (n: number, alphabet = 'aB3xK9mQ2pZ7') => Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');

export const fake = {
  githubToken: () => 'ghp' + '_' + body(36),
  awsKeyId: () => 'AK' + 'IA' + 'QW3RT5YU7IO9PA2S'.slice(0, 16),
  gitlabToken: () => 'glp' + 'at-' + body(20),
  slackToken: () => 'xo' + 'xb-' + '1234567890-' + body(24),
  stripeKey: () => 'sk' + '_live_' + body(24),
  googleKey: () => 'AI' + 'za' + body(35),
  npmToken: () => 'np' + 'm_' + body(36),
  dockerHubToken: () => 'dck' + 'r_pat_' + body(27),
  privateKeyHeader: () => '-----BEGIN RSA ' + 'PRIVATE KEY-----',
  openAiLegacy: () => 'sk' + '-' + body(20) + 'T3Blbk' + 'FJ' + body(20),
  openAiProject: () => 'sk' + '-proj-' + body(48),
  jwt: () => 'ey' + 'J' + body(20) + '.ey' + 'J' + body(30) + '.' + body(43),
  /** A literal password value that is not credential-shaped. */
  password: () => 'hunter' + '2-' + 'correct-horse',
};
