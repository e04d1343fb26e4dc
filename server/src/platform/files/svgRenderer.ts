import { fork } from 'node:child_process';
import path from 'node:path';
import type { ProcessedImage } from './images';

/** Renders SVG documents and stores them as images (see storeImage). */
export interface SvgRenderer {
  store(svg: string): Promise<ProcessedImage>;
  /** Ends the renderer's process (renders still waiting fail). */
  close(): void;
}

/**
 * An SVG renderer in a process of its own, for a batch of pictures (the demo
 * covers): rendering text loads fonts and caches, and image work leaves
 * native memory behind, about 100 MB the server would otherwise keep for
 * good. The process ends with `close`, or with the server (its channel
 * closes).
 */
export function svgRenderer(dataDir: string): SvgRenderer {
  const child = fork(path.join(__dirname, 'svgRenderChild.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (stored: ProcessedImage) => void; reject: (err: Error) => void }>();
  let next = 0;
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  child.on('message', (msg: { id: number; stored?: ProcessedImage; error?: string }) => {
    const w = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (msg.stored) w?.resolve(msg.stored);
    else w?.reject(new Error(`SVG not rendered: ${msg.error ?? 'no image'}`));
  });
  child.on('error', failAll);
  child.on('exit', (code) => failAll(new Error(`the SVG renderer exited (code ${code})`)));
  return {
    store(svg) {
      const id = next++;
      return new Promise<ProcessedImage>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ id, svg, dataDir });
      });
    },
    close() {
      if (child.connected) child.disconnect();
    },
  };
}
