import { renderFunctionDocs } from './docs-markdown.js';

/** Writes docs/functions.md content to stdout: `npm run docs:functions` redirects it into the file. */
process.stdout.write(renderFunctionDocs());
