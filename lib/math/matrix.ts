// The one door to ml-matrix (a runtime dependency: the README lists it among the accepted
// findings of n8n's community-package scan), so the rest of lib/ imports from here.
export { CholeskyDecomposition, Matrix, inverse } from 'ml-matrix';
