import { useQueryClient } from '@tanstack/react-query';
import type { LoginInput, RegisterInput } from '@techbridge/shared';
import { type ReactNode, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { getMe, type MeResponse, postLogin, postLogout, postRegister } from '../api/auth';
import { refreshAccessToken } from '../api/http';
import { tokenStore } from '../api/tokenStore';
import { AuthContext, type AuthContextValue, type AuthStatus } from './context';
import { hasSessionHint } from './sessionHint';

/**
 * Holds the session: the in-memory access token plus the user and organisation
 * from GET /api/me. On start it silently exchanges the refresh cookie for an
 * access token to restore a previous session.
 */

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const accessToken = useSyncExternalStore(tokenStore.subscribe, tokenStore.get);
  const [session, setSession] = useState<MeResponse | null>(null);
  const [restoring, setRestoring] = useState(true);

  useEffect(() => {
    let active = true;
    const controller = new AbortController();
    (async () => {
      try {
        // The server sets a readable `tb_session` hint next to the httpOnly refresh
        // cookie; without it there is no session to restore, and no request to fail.
        const token = hasSessionHint() ? await refreshAccessToken() : null;
        const me = token ? await getMe(controller.signal) : null;
        if (active) setSession(me);
      } catch {
        if (active) setSession(null);
      } finally {
        if (active) setRestoring(false);
      }
    })();
    return () => {
      active = false;
      controller.abort();
    };
  }, []);

  const login = useCallback(async (input: LoginInput) => {
    const { accessToken: token } = await postLogin(input);
    tokenStore.set(token);
    try {
      setSession(await getMe());
    } catch (error) {
      tokenStore.set(null);
      throw error;
    }
  }, []);

  const register = useCallback(async (input: RegisterInput) => {
    const result = await postRegister(input);
    tokenStore.set(result.accessToken);
    setSession({ user: result.user, organization: result.organization ?? null });
  }, []);

  const logout = useCallback(async () => {
    try {
      await postLogout();
    } catch {
      // Even if the server cannot be told, forget the session on this device.
    } finally {
      tokenStore.set(null);
      setSession(null);
      queryClient.clear();
    }
  }, [queryClient]);

  const reloadProfile = useCallback(async () => {
    setSession(await getMe());
  }, []);

  const adoptSession = useCallback(async (token: string) => {
    tokenStore.set(token);
    setSession(await getMe());
  }, []);

  // A failed refresh clears the token store, which signs the user out here too.
  const status: AuthStatus = restoring ? 'loading' : session && accessToken ? 'authenticated' : 'anonymous';
  const signedIn = status === 'authenticated';

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      accessToken,
      user: signedIn ? (session?.user ?? null) : null,
      organization: signedIn ? (session?.organization ?? null) : null,
      login,
      register,
      logout,
      reloadProfile,
      adoptSession,
    }),
    [status, signedIn, accessToken, session, login, register, logout, reloadProfile, adoptSession],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
