/**
 * A terminal progress bar for long work (imports, reindexing). On a terminal
 * it redraws one line; in a log (CI) it prints a line every 10%.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastDecile = -1;
  return {
    update(done: number, total: number) {
      const ratio = total ? Math.min(1, done / total) : 1;
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(ratio * width);
        stream.write(
          `\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.round(ratio * 100)}% ${done}/${total} ${secs}s`,
        );
      } else {
        const decile = Math.floor(ratio * 10);
        if (decile !== lastDecile) {
          lastDecile = decile;
          stream.write(`${label} ${Math.round(ratio * 100)}% (${done}/${total}) ${secs}s\n`);
        }
      }
    },
    done(message: string) {
      if (stream.isTTY) stream.write('\n');
      stream.write(`${message}\n`);
    },
  };
}
