import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Passport } from 'passport';
import { forbidden, unauthorized } from '../../errors';
import type { AuthUser } from '../../principal';

/** REST authentication: a Bearer access token checked by passport-jwt. */
export function requireAuth(passport: InstanceType<typeof Passport>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    passport.authenticate('jwt', { session: false }, (err: unknown, user: AuthUser | false) => {
      if (err) return next(err);
      if (!user) return next(unauthorized('A valid access token is required'));
      req.user = user;
      next();
    })(req, res, next);
  };
}

/** Public routes that show more to a signed-in viewer: a bad token is still a 401, no token is anonymous. */
export function optionalAuth(passport: InstanceType<typeof Passport>): RequestHandler {
  const required = requireAuth(passport);
  return (req, res, next) => (req.headers.authorization ? required(req, res, next) : next());
}

export function requireAdmin(req: Request, _res: Response, next: NextFunction): void {
  next(req.user?.role === 'admin' ? undefined : forbidden('Administrators only'));
}

/** The signed-in user; only for handlers behind requireAuth. */
export function currentUser(req: Request): AuthUser {
  if (!req.user) throw unauthorized();
  return req.user;
}
