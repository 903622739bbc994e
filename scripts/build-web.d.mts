// Types of scripts/build-web.mjs (the tests and `vanthu-lint web` import it).
export function buildWebPage(options?: { readonly outFile?: string }): Promise<string>;
