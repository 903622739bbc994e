// The package's browser entry: the public API (src/api.ts) bound to the browser host. No Node API is
// reachable from here (test/engine/host-free.test.ts bundles it for the browser and runs it in Chromium).
import { bindApi } from './api.js';
import { browserHost } from './host/browser.js';

export * from './api.js';

const api = bindApi(browserHost);
export const { checkFiles, createChecker, annotateWorkbook, summaryWorkbook, unitsWorkbook } = api;
