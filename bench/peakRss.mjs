// Preloaded into a ccsim process (`node --import ./bench/peakRss.mjs dist/cli/main.js …`) by
// bench/resume.mjs: at exit, writes the process's peak resident set size, in kB, to the file
// named by CCSIM_PEAK_RSS_FILE. Node's child_process cannot report a child's rusage, and
// `/usr/bin/time` is not on every machine.
import { writeFileSync } from 'node:fs';

const file = process.env.CCSIM_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
