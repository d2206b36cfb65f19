"""Writes the spec Schemathesis walks: openapi/openapi.yaml plus the links whose request body
is built from an earlier response (create group -> create named invite -> join with it -> revoke).

OpenAPI 3.0.3 lets a Link's `requestBody` be any value with runtime expressions inside, and
Schemathesis evaluates them, but openapi-generator 7.26.0's validator rejects any `requestBody`
that is not a string (`... requestBody is not of type string`), so these links cannot live in
openapi/openapi.yaml without breaking every user who generates code from it. They are test
fixtures of the stateful walk, added here, next to the other contract-test settings.

Usage: contract-links.py SPEC OUT  (OUT is JSON, which Schemathesis reads as it reads YAML).
"""
import json
import sys

import yaml

spec_path, out_path = sys.argv[1], sys.argv[2]
with open(spec_path) as f:
    spec = yaml.safe_load(f)


def named_invite(location_regex):
    group = "$response.header.Location#regex:" + location_regex
    return {
        "operationId": "create_named_token",
        # The group id in the name makes each group's first named invite new (a second is 409).
        "requestBody": {
            "name": "invite to {" + group + "}",
            "type": {"inviteToken": {"inviteType": "userJoinGroup", "groupId": group}},
            "usageLimit": 2,
        },
        "description": "A named two-use invite into the group just created.",
    }


links = spec["components"]["links"]
added = {
    "CreateNamedInviteFromUserGroupLocation": named_invite("/user/groups/(.+)$"),
    "CreateNamedInviteFromGroupLocation": named_invite("/groups/(.+)$"),
    "JoinWithNamedToken": {
        "operationId": "join_group",
        "requestBody": {"token": "$response.body#/token"},
        "description": "Join (as the second user) with the named invite just created.",
    },
    "RevokeNamedTokenFromCreated": {
        "operationId": "modify_named_token",
        "parameters": {"id": "$response.body#/tokenId"},
        "requestBody": {"revoked": True},
        "description": "Revoke the named invite just created.",
    },
}
assert not set(added) & set(links), "a link of this script is in the spec now: drop it here"
links.update(added)

# Each response that links to a mint of an invite for a created group also links to a named
# invite for it; the named invite's creation links to a join with it and to its revocation.
follow = {
    "MintInviteFromUserGroupLocation": {"CreateNamedInvite": "CreateNamedInviteFromUserGroupLocation"},
    "MintInviteFromGroupLocation": {"CreateNamedInvite": "CreateNamedInviteFromGroupLocation"},
    "GetNamedTokenFromCreated": {
        "JoinWithNamedToken": "JoinWithNamedToken",
        "RevokeNamedToken": "RevokeNamedTokenFromCreated",
    },
}
wired = set()
for item in spec["paths"].values():
    for operation in item.values():
        if not isinstance(operation, dict):
            continue
        for response in operation.get("responses", {}).values():
            response_links = response.get("links", {}) if isinstance(response, dict) else {}
            for ref in [link.get("$ref", "") for link in response_links.values()]:
                for name, extra in follow.items():
                    if ref.endswith("/" + name):
                        response_links.update({k: {"$ref": "#/components/links/" + v} for k, v in extra.items()})
                        wired.add(name)
assert wired == set(follow), f"links not found in the spec: {set(follow) - wired}"

with open(out_path, "w") as f:
    json.dump(spec, f)
