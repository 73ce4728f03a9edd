// How many applications a side-by-side comparison takes.
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 6;
