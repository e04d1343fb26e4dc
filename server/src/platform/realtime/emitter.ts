import type { ServerToClientEvents } from '@techbridge/shared';
import { orgRoom, sessionRoom, type TypedServer, userRoom } from './io';

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/**
 * The events module's handle on Socket.IO. Route handlers never emit; only
 * event handlers do, after re-checking who may see what. Without a server
 * attached (scripts), emitting does nothing.
 */
export class Realtime {
  private io: TypedServer | undefined;

  attach(io: TypedServer): void {
    this.io = io;
  }

  toUser<E extends EventName>(userId: string, event: E, payload: Payload<E>): void {
    // biome-ignore lint/suspicious/noExplicitAny: Socket.IO's emit typing cannot follow a generic event name.
    (this.io?.to(userRoom(userId)).emit as any)?.(event, payload);
  }

  /** Ends a user's live connections (suspension). */
  disconnectUser(userId: string): void {
    this.io?.in(userRoom(userId)).disconnectSockets(true);
  }

  /** Ends a session's live connections (logout, revoked refresh family), telling the clients why first. */
  endSession(sessionId: string, reason: 'logout' | 'revoked'): void {
    if (!this.io) return;
    this.io.to(sessionRoom(sessionId)).emit('session:ended', { reason });
    this.io.in(sessionRoom(sessionId)).disconnectSockets(true);
  }

  disconnectOrg(orgId: string): void {
    this.io?.in(orgRoom(orgId)).disconnectSockets(true);
  }

  /** Whether the user has a live connection (on any instance, through the adapter). */
  async isOnline(userId: string): Promise<boolean> {
    if (!this.io) return false;
    return (await this.io.in(userRoom(userId)).fetchSockets()).length > 0;
  }

  toOrg<E extends EventName>(orgId: string, event: E, payload: Payload<E>): void {
    // biome-ignore lint/suspicious/noExplicitAny: as above.
    (this.io?.to(orgRoom(orgId)).emit as any)?.(event, payload);
  }
}
