// Figure 8's child: generates the whole spec-evolution corpus once in this fresh process and prints
// {"ms": …, "generated": n, "failed": n} (generation only; tsx's own start-up is outside `ms`).
import { generateCorpus } from "../test/corpus/corpus.js";

const out = process.argv[2];
if (!out) throw new Error("usage: corpus-child.ts <out folder>");
const started = performance.now();
const outcomes = await generateCorpus(out);
const ms = performance.now() - started;
const generated = [...outcomes.values()].filter((o) => o.ok).length;
process.stdout.write(JSON.stringify({ ms, generated, failed: outcomes.size - generated }));
