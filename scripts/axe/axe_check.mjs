// axe-core on HTML files in headless Chromium, at a desktop and a phone width.
// Usage: node scripts/axe/axe_check.mjs FILE.html [FILE.html ...]
// Needs: npm ci (or npm install) in scripts/axe, and Chromium at $CHROMIUM or /usr/bin/chromium.
// Prints every violation; exits 1 when there is any, 2 when it cannot run.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WIDTHS = [1280, 390];
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("Usage: node axe_check.mjs FILE.html [...]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: FLAGS,
});
let violations = 0;
try {
  for (const file of files) {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      // The report is self-contained; anything it would fetch is refused.
      await page.route(/^(?!file:)/, (route) => route.abort());
      await page.goto(pathToFileURL(resolve(file)).href);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () =>
        // WCAG 2.1 A and AA, plus axe's best practices.
        await window.axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        }),
      );
      for (const v of result.violations) {
        violations += 1;
        console.log(`${file} @ ${width}px: ${v.id} (${v.impact}): ${v.help}`);
        for (const node of v.nodes.slice(0, 5)) {
          console.log(`    ${node.target.join(" ")}: ${node.failureSummary.split("\n").join(" ")}`);
        }
      }
      console.log(`${file} @ ${width}px: ${result.violations.length} violations, ${result.passes.length} rules passed`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(violations ? 1 : 0);
