// Stand-in for the "server-only" package under Vitest. The real package throws unless it is
// resolved with React's "react-server" condition, which only Next's server bundler uses; tests
// call data-layer files directly, so they get this empty module instead (see vitest.config.ts).
export {};
