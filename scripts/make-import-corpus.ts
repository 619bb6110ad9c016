/** Writes the bad-input corpus test/fixtures/imports/files/ from its generator. */
import { CORPUS_DIR, writeCorpus } from '../test/fixtures/imports/corpus';

console.log(`wrote ${writeCorpus()} files to ${CORPUS_DIR}`);
