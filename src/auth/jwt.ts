/**
 * The parts of `jose` that JWT verification uses, behind one module so that credentials.ts can
 * import them on the first JWT (`await import('./jwt.ts')`) while the bundler still drops the rest
 * of jose: anonymous requests and API keys never evaluate it.
 */
export { decodeProtectedHeader, importJWK, importSPKI, jwtVerify } from 'jose';
