// The one door to simple-statistics (a runtime dependency: the README lists it among the
// accepted findings of n8n's community-package scan), so the rest of lib/ imports from here.
export { errorFunction, gammaln, mean, median, medianSorted, standardDeviation } from 'simple-statistics';
