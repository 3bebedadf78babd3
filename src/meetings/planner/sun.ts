import { CalculationParameters, Coordinates, PrayerTimes } from 'adhan';
import { partsOfDayNumber } from '../../platform/time.js';

/**
 * Sunset (maghrib, when the iftar starts and Shabbat begins) and nightfall (when Shabbat and the
 * Jewish holidays end) for a local date and the municipality's coordinates, as instants (epoch ms).
 */
export interface SunTimes {
  sunset: number;
  nightfall: number;
}

/**
 * Nightfall (tzeit hakochavim) is taken at the sun 8.5° below the horizon, the usual criterion of
 * three medium stars; adhan computes it as the "isha" of a custom method with that angle. The fajr
 * angle is irrelevant here. Sunset is adhan's standard sunset (upper limb, refraction), rounded to
 * the nearest minute as adhan does.
 */
const NIGHTFALL_PARAMETERS = new CalculationParameters('Other', 18, 8.5);

export function sunTimes(dayNumber: number, latitude: number, longitude: number): SunTimes {
  const { year, month, day } = partsOfDayNumber(dayNumber);
  // adhan reads the local calendar fields of the Date it is given; local noon of the wanted date has
  // those fields in every machine zone, so the result does not depend on where the server runs.
  const times = new PrayerTimes(
    new Coordinates(latitude, longitude),
    new Date(year, month - 1, day, 12),
    NIGHTFALL_PARAMETERS,
  );
  return { sunset: times.maghrib.getTime(), nightfall: times.isha.getTime() };
}
