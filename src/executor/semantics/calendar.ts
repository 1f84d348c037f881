import { MS_PER_DAY } from '../values.js';

/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), without Date
 * objects. Months are 1-12, days of week 0-6 from Sunday.
 */

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 1970-01-01 of a civil date. Uses 400-year eras, so it is exact for any year. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Civil date of a day number; the inverse of `daysFromCivil`. */
export function civilFromDays(days: number): CivilDate {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** True when year, month and day name a real date. */
export function isValidCivil(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Day of week of a day number: 0 Sunday through 6 Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

/** ISO day of week: 1 Monday through 7 Sunday. */
export function isoDayOfWeek(days: number): number {
  const dow = dayOfWeek(days);
  return dow === 0 ? 7 : dow;
}

/** Day of year, 1-366. */
export function dayOfYear(days: number): number {
  const { year } = civilFromDays(days);
  return days - daysFromCivil(year, 1, 1) + 1;
}

/**
 * ISO 8601 week-numbering year and week (1-53). Week 1 is the week with the year's first
 * Thursday, and weeks start on Monday, so 2021-01-03 is in week 53 of 2020.
 */
export function isoWeek(days: number): { readonly isoYear: number; readonly week: number } {
  const thursday = days - isoDayOfWeek(days) + 4;
  const isoYear = civilFromDays(thursday).year;
  const week = Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
  return { isoYear, week };
}

/** Adds calendar months, clamping the day to the end of a shorter month (Jan 31 + 1 month = Feb 29 in 2024). */
export function addMonthsToCivil(date: CivilDate, months: number): CivilDate {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Day number of a wall-clock time given as ms since the epoch as if it were UTC. */
export function dayOfWallMs(wallMs: number): number {
  return Math.floor(wallMs / MS_PER_DAY);
}

/** Time of day in ms, 0 to 86,399,999, of a wall-clock time given as ms as if it were UTC. */
export function msOfDay(wallMs: number): number {
  return wallMs - dayOfWallMs(wallMs) * MS_PER_DAY;
}
