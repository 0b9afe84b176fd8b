// Is each published phone number a real number for its country? Full numbers are checked
// with libphonenumber-js. It has no data on short codes (110, 1147, ...), so those are only
// checked for their shape, and call-testing them stays an editor's job.
import { isValidPhoneNumber, type CountryCode as PhoneRegion } from "libphonenumber-js/max";
import type { LoadedContent, Problem } from "../content-files";

const digitsOnly = (n: string) => n.replace(/\D/g, "");

export function isShortCode(number: string): boolean {
  return !number.trim().startsWith("+") && digitsOnly(number).length <= 4;
}

export function checkPhoneValidity(c: LoadedContent): Problem[] {
  const problems: Problem[] = [];
  for (const r of c.resources) {
    const numbers = r.data.phones.map((p, i) => ({ number: p.number, region: p.region, field: ["phones", i, "number"] as (string | number)[] }));
    if (r.data.whatsapp) numbers.push({ number: r.data.whatsapp, region: undefined, field: ["whatsapp"] });
    for (const { number, region, field } of numbers) {
      const country = region ?? (r.data.country === "regional" ? undefined : r.data.country);
      const line = r.lineOf(field);
      const where = { severity: "error" as const, file: r.file, ...(line ? { line } : {}) };
      if (isShortCode(number)) {
        if (!/^\d{3,4}$/.test(digitsOnly(number)) || /[a-z]/i.test(number))
          problems.push({ ...where, message: `"${number}" is not a phone number: a short code has 3 or 4 digits. Copy the number exactly as the source publishes it.` });
        continue;
      }
      if (!country) {
        if (!number.trim().startsWith("+")) problems.push({ ...where, message: `"${number}" has no country: write it with its country code (+502 ...) or add "region".` });
        else if (!isValidPhoneNumber(number)) problems.push({ ...where, message: `"${number}" is not a valid phone number. Check the digits against the source.` });
        continue;
      }
      if (!isValidPhoneNumber(number, country as PhoneRegion))
        problems.push({ ...where, message: `"${number}" is not a valid phone number for ${country}. Check the digits against the source; if it is a number of another country, add region: (e.g. US).` });
    }
  }
  return problems;
}
