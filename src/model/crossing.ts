/** When a forecast's P(TAI by year) reaches a level: the shape every result carries, and how to find a level's crossing. */

export type CrossingStatus = 'year' | 'at-or-before-start' | 'after-horizon' | 'never' | 'no-worlds';

/** The crossing of a level in a list of crossings (every forecast and anchor has one for each of CROSSING_LEVELS). */
export function crossingAt(crossings: readonly Crossing[], level: number): Crossing | undefined {
  return crossings.find((c) => c.level === level);
}

/** The median's crossing: the date by which P(TAI) reaches 50%. */
export const medianCrossing = (crossings: readonly Crossing[]): Crossing => crossingAt(crossings, 0.5)!;

export interface Crossing {
  level: number;
  status: CrossingStatus;
  /**
   * When status is 'year': the interpolated date (decimal year, rows at the end of their year) at
   * which the level is reached. For 'at-or-before-start': the end of the first year.
   */
  year: number | null;
  /** First whole year row at or above the level: "by the end of that year" (the Rethink Priorities convention). */
  firstYear: number | null;
  se: number | null;
  /**
   * When status is 'year' and the level is within PLATEAU_SIGMAS standard errors of the curve's
   * last value: whether the level is reached by the horizon at all is not settled by this run,
   * so the date may really be after the horizon (and its ± understates that).
   */
  nearPlateau?: boolean;
}
