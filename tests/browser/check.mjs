// The participants' web page in a real headless Chromium: fill in, submit, see the thanks
// page; axe-core (WCAG 2.1 A/AA rules) finds 0 violations on the form, the error state and the
// thanks page, on a phone-sized screen. Usage: node check.mjs URL [SCREENSHOT_DIR]
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

// One npm folder for every browser check: scripts/axe (its package-lock.json pins the versions).
const require = createRequire(new URL("../../scripts/axe/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const url = process.argv[2];
const shots = process.argv[3];
if (!url) {
  console.error("usage: node check.mjs URL [SCREENSHOT_DIR]");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    // No --user-data-dir: playwright gives every launch a fresh temporary profile itself.
  ],
});
let failures = 0;
let passes = 0;

async function axe(page, label) {
  // The page's CSP allows no scripts; axe runs through the DevTools protocol instead.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    }),
  );
  for (const v of result.violations) {
    failures += 1;
    console.error(`axe ${label}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target).join(", ")}`);
  }
  if (result.violations.length === 0) passes += 1;
  console.log(`axe ${label}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
}

function check(condition, message) {
  if (!condition) {
    failures += 1;
    console.error(`FAIL ${message}`);
  } else {
    passes += 1;
    console.log(`ok ${message}`);
  }
}

try {
  const context = await browser.newContext({
    bypassCSP: true,
    javaScriptEnabled: true,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "nl-NL",
  });
  const page = await context.newPage();
  const first = await page.goto(url);
  check(first.status() === 200, "the form opens");
  check((await page.locator("fieldset").count()) === 5, "4 statements and the consent, each a fieldset");
  check((await page.locator("script").count()) === 0, "no JavaScript on the page");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 360, `fits a 360 px phone without sideways scrolling (${width} px)`);
  await axe(page, "form");
  if (shots) await page.screenshot({ path: join(shots, "form.png"), fullPage: true });

  // Submit with one statement open: the error is shown, choices kept, and is accessible.
  await page.getByLabel("Mee eens", { exact: true }).first().check();
  await page.getByRole("button", { name: "Versturen" }).click();
  check(await page.getByRole("alert").isVisible(), "a missing answer is named");
  check(await page.getByLabel("Mee eens", { exact: true }).first().isChecked(), "the choice is kept");
  await axe(page, "error");
  if (shots) await page.screenshot({ path: join(shots, "error.png"), fullPage: true });

  // Fill in every statement by tapping the labels, as a person does.
  const groups = page.locator("fieldset.vraag");
  const statements = (await groups.count()) - 1;
  for (let i = 0; i < statements; i += 1) {
    await groups.nth(i).getByText("Helemaal mee eens", { exact: true }).click();
  }
  await page.getByLabel("Wat neem je mee").fill("Ik durf nu meer Nederlands te praten.");
  await page.getByLabel("Ja, zonder wie ik ben").check();
  await page.getByRole("button", { name: "Versturen" }).click();
  await page.waitForURL(/\/bedankt$/);
  check((await page.locator("h1").innerText()) === "Dank je wel!", "the thanks page");
  await axe(page, "thanks");
  if (shots) await page.screenshot({ path: join(shots, "thanks.png"), fullPage: true });

  // The same phone again: already answered.
  await page.goto(url);
  check((await page.content()).includes("al beantwoord"), "one answer per phone");

  // And without JavaScript at all, the form still works (a fresh phone).
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const noJs = await plain.newPage();
  await noJs.goto(url);
  check((await noJs.locator("form").count()) === 1, "the form without JavaScript");
  await plain.close();
} finally {
  await browser.close();
}
// The plain closing line CI reads.
console.log(`browser: ${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
