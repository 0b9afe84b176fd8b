// Phone numbers for people who call them: a dialable tel: href, and a form screen readers
// and read-aloud tools say digit by digit ("1 1 0", not "one hundred and ten").
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";

const digitsOf = (number: string) => number.replace(/\D/g, "");

/**
 * The href of a tel: link. Only digits (and a leading +), so every phone dials it. With a
 * region (the number belongs to another country than the reader's), the international
 * E.164 form, so it dials from anywhere.
 */
export function telHref(number: string, region?: string): string {
  const international = number.trim().startsWith("+");
  if (region && !international) {
    const parsed = parsePhoneNumberFromString(number, region.toUpperCase() as CountryCode);
    if (parsed?.isPossible()) return `tel:${parsed.number}`;
  }
  return `tel:${international ? "+" : ""}${digitsOf(number)}`;
}

/** The number with its digits separated by spaces, for an aria-label: "+504 3221" -> "+ 5 0 4 3 2 2 1". */
export function spokenDigits(number: string): string {
  const digits = digitsOf(number).split("").join(" ");
  return number.trim().startsWith("+") ? `+ ${digits}` : digits;
}
