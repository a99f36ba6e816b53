import { extractFigures } from "./extract/extract.ts";
for (const s of process.argv.slice(2)) console.log(s, "\n  ", JSON.stringify(extractFigures(s).map((f) => [f.text, f.value, f.of, f.indicator])));
