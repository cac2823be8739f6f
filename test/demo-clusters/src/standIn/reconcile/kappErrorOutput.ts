/** A root-level text piece of go-cli-ui's ErrorPiece tree, or a container kept as written. */
interface Piece {
  text: string;
  container: boolean;
}

const OPENERS = new Set(['[', '(', '{']);
const CLOSERS = new Set([']', ')', '}']);
const RAW_OPEN = '...|';
const RAW_CLOSE = '|...';

/**
 * The first line's pieces at the root (go-cli-ui errors/error_piece.go:53-99, vendored by kapp
 * at a89576c): text inside brackets and `...|raw|...` stays one container piece.
 */
function rootPieces(line: string): Piece[] {
  const pieces: Piece[] = [];
  const add = (char: string, container: boolean) => {
    const last = pieces[pieces.length - 1];
    if (last?.container === container) last.text += char;
    else pieces.push({ text: char, container });
  };
  // true for a raw container, whose brackets are plain text
  const open: boolean[] = [];
  let offset = 0;
  for (const char of line) {
    const at = offset;
    offset += char.length;
    const inRaw = open[open.length - 1] === true;
    if (!inRaw && OPENERS.has(char)) {
      open.push(false);
      add(char, true);
    } else if (!inRaw && CLOSERS.has(char)) {
      // A closer with nothing open closes the root: Go drops the rest of the line.
      if (open.length === 0) break;
      add(char, true);
      open.pop();
    } else if (
      at + RAW_OPEN.length < line.length &&
      line.startsWith(RAW_OPEN, at)
    ) {
      open.push(true);
      add(char, true);
    } else if (
      at >= RAW_CLOSE.length - 1 &&
      line.slice(at - RAW_CLOSE.length + 1, at + 1) === RAW_CLOSE
    ) {
      add(char, open.length > 0);
      if (open.length === 0) break;
      open.pop();
    } else {
      add(char, open.length > 0);
    }
  }
  return pieces;
}

/**
 * go-cli-ui's MultiLineError (errors/multi_line_error.go:20-48), how kapp prints its error: in
 * the first line, `: ` before a capital outside brackets starts a new, further indented line.
 */
export function multiLineError(message: string): string {
  const [first, ...rest] = message.split('\n');
  const joined = rootPieces(first)
    .map(piece =>
      piece.container
        ? piece.text
        : piece.text.replace(/(: )([A-Z])/g, ':\n$2'),
    )
    .join('');
  const firstLines = joined
    .split('\n')
    .map((chunk, i) => '  '.repeat(i) + chunk);
  return [firstLines.join('\n'), ...rest].join('\n');
}

/** kapp's error on stderr, cmd/kapp/kapp.go:45. */
export function kappErrorOutput(error: string): string {
  return `kapp: Error: ${multiLineError(error)}`;
}

/** CmdRunResult.WithFriendlyYAMLStrings (kapp-controller pkg/exec/cmd_run_result.go:13,53-60) on a deploy's stderr. */
export function friendlyYamlString(text: string): string {
  return text.trim().replace(/[\t\n\f\r ]+\n/g, '\n');
}
