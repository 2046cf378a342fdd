// Builds the task pane (React + Fluent UI) into dist/addin, which the server serves from the same origin as the API.
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  root,
  base: '/',
  publicDir: path.join(root, 'public'),
  build: {
    outDir: path.join(root, '..', 'dist', 'addin'),
    emptyOutDir: true,
    target: 'es2022',
    // Fluent UI makes one ~1 MB bundle; it is served from the same machine, so splitting it would gain nothing.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { taskpane: path.join(root, 'taskpane.html'), preview: path.join(root, 'preview.html') },
      // Fluent UI marks its modules 'use client' (for React Server Components); meaningless in a pane bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
});
