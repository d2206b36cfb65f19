// README's walk-through through the TypeScript client (typescript-fetch) that openapi-generator
// writes from openapi/openapi.yaml; scripts/clients-check.sh copies this file beside the
// generated sources, compiles both with the pinned tsc and runs it with Node.
//
// Environment: OZ_URL (the server, http://host:port), OZ_ALICE (the admin's access token),
// OZ_BOB (a second user's access token). Exits non-zero, naming the step, on any difference.

import { Configuration, GroupApi, Privilege, ResponseError, UserApi } from "./index";

const API_ROOT = "/api/v3/onezone";

function api(token: string): { user: UserApi; group: GroupApi } {
  const config = new Configuration({ basePath: process.env.OZ_URL + API_ROOT, apiKey: token });
  return { user: new UserApi(config), group: new GroupApi(config) };
}

function check(what: string, got: unknown, want: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw new Error(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
  console.log(`typescript client: ${what}: ok`);
}

async function main(): Promise<void> {
  const alice = api(process.env.OZ_ALICE ?? "");
  const bob = api(process.env.OZ_BOB ?? "");

  // Alice creates a group and becomes a member with all privileges.
  const created = await alice.user.createGroupForUserRaw({ groupCreateRequest: { name: "Research", type: "team" } });
  check("create a group", created.raw.status, 201);
  const location = created.raw.headers.get("location") ?? "";
  const gid = location.split("/").pop() ?? "";
  check("Location", location, `${API_ROOT}/user/groups/${gid}`);

  // Alice mints a single-use invite token; Bob joins with it.
  const invite = await alice.group.createGroupInviteToken({ id: gid });
  const joined = await bob.user.joinGroupRaw({ groupInviteToken: { token: invite.token } });
  check("join", joined.raw.status, 201);

  // Both are members now, Bob with the default privileges.
  const aliceId = (await alice.user.getCurrentUser()).userId;
  const bobId = (await bob.user.getCurrentUser()).userId;
  check("members", (await alice.group.listGroupUsers({ id: gid })).users, [aliceId, bobId]);
  const before = await alice.group.getGroupUserPrivileges({ id: gid, uid: bobId });
  // `privileges` has uniqueItems in the spec, so the generated model holds a Set.
  check("Bob's privileges", Array.from(before.privileges), ["group_view_data"]);

  // Alice lets Bob invite others too.
  const wanted: Privilege[] = ["group_view_data", "group_invite_user"];
  await alice.group.setGroupUserPrivileges({ id: gid, uid: bobId, privileges: { privileges: new Set(wanted) } });
  const after = await alice.group.getGroupUserPrivileges({ id: gid, uid: bobId });
  check("privileges set", Array.from(after.privileges), wanted);

  // Bob leaves.
  check("leave", (await bob.user.leaveGroupRaw({ gid })).raw.status, 204);
  check("members after leaving", (await alice.group.listGroupUsers({ id: gid })).users, [aliceId]);

  // The spent invite is refused, with the contract's error shape.
  try {
    await bob.user.joinGroup({ groupInviteToken: { token: invite.token } });
  } catch (e) {
    if (!(e instanceof ResponseError)) throw e;
    check("reused invite status", e.response.status, 400);
    const body = await e.response.json();
    check("error shape", Object.keys(body).sort(), ["error", "error_description"]);
    check("error code", body.error, "invalid_token");
    console.log("typescript client: README walk-through passed");
    return;
  }
  throw new Error("a spent invite was accepted");
}

main().catch((e) => {
  console.error(`typescript client: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
