/**
 * Random line edits for the incremental-linting tests: each step inserts a snippet, deletes a line,
 * appends a character or replaces a line with a snippet, the kinds of change typing makes.
 */
export function editRandomLine(lines: string[], random: () => number, snippets: string[]): void {
  const pick = () => snippets[Math.floor(random() * snippets.length)];
  const at = Math.floor(random() * lines.length);
  const edit = Math.floor(random() * 4);
  if (edit === 0) lines.splice(at, 0, pick());
  else if (edit === 1 && lines.length > 10) lines.splice(at, 1);
  else if (edit === 2) lines[at] = `${lines[at]}x`;
  else lines[at] = pick();
}
