// Preloaded into the binary by the growth tests (node --require): at exit, the process's peak
// resident memory in kilobytes, on descriptor 3.
const { writeSync } = require('node:fs');
process.on('exit', () => {
  try {
    writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // No descriptor 3: not run by the growth tests.
  }
});
