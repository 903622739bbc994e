// The package's Node entry: the public API (src/api.ts) bound to the Node host.
import { bindApi } from './api.js';
import { nodeHost } from './host/node.js';

export * from './api.js';

const api = bindApi(nodeHost);
export const { checkFiles, createChecker, annotateWorkbook, summaryWorkbook, unitsWorkbook } = api;
