/**
 * The year convention, stated once for every output: a year row Y means "by the end of year Y".
 *
 * A world arrives in year Y when the compute affordable in year Y (the curves evaluated at Y)
 * reaches its requirement for that year; P(TAI by Y) counts the worlds that arrived in year Y or
 * earlier, so it is the probability of TAI by the end of Y, the instant Y + 1 on a continuous time
 * axis (1 January of Y + 1). Date-valued outputs (interpolated crossing dates, a CDF at arbitrary
 * times) place row Y at that instant; conditioning on "no TAI by Y" keeps the worlds whose arrival
 * year is after Y. (The report's spreadsheet rows are read the same way: its 2031.6 for the 10%
 * crossing, interpolated with rows at Y.0, is 2032.6 as a date under this convention.)
 */
export const YEAR_CONVENTION = 'a year Y means by the end of year Y';

/** The instant (decimal year) at which a year row's probability holds: the end of that year. */
export function timeOfYearRow(year: number): number {
  return year + 1;
}
