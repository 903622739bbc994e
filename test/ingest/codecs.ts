// The Node host's codecs, for tests that call the readers directly (the engine passes its host's).
import { nodeHost } from '../../src/host/node.js';

export const NODE = { inflateRaw: nodeHost.inflateRaw, inflateRawStream: nodeHost.inflateRawStream, crc32: nodeHost.crc32 };
