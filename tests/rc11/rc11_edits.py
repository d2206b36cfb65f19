"""The rc11 document as this test uses it: the group slice of Onedata's published Onezone
3.0.0-rc11 swagger, with the recorded edits below applied in memory. The file itself is a
third-party document: it is read from ../shared/onezone/ and never edited or copied here."""

import copy

# The paths of contract §3 that rc11 has, with the methods kept (nested groups since issue 12).
# Left out on purpose:
# - spaces (/user/spaces..., /groups/{id}/spaces...), providers, handles, handle services:
#   out of this server's scope (contract §4);
# - POST /user/authorize: the web GUI's login exchange, not part of the contract.
SLICE = {
    "/user": ["get", "patch", "delete"],
    "/user/client_token": ["get"],
    "/user/groups": ["get", "post"],
    "/user/groups/join": ["post"],
    "/user/groups/{gid}": ["get", "delete"],
    "/users": ["get"],
    "/users/{id}": ["get"],
    "/users/{id}/privileges": ["get", "patch", "delete"],
    "/groups": ["get", "post"],
    "/groups/{id}": ["get", "patch", "delete"],
    "/groups/{id}/users": ["get"],
    "/groups/{id}/users/token": ["get"],
    "/groups/{id}/users/{uid}": ["get", "delete"],
    "/groups/{id}/users/{uid}/privileges": ["get", "put"],
    "/groups/{id}/privileges": ["get", "patch", "delete"],
    "/groups/{id}/nested": ["get"],
    "/groups/{id}/nested/token": ["get"],
    "/groups/{id}/nested/join": ["post"],
    "/groups/{id}/nested/{nid}": ["get", "delete"],
    "/groups/{id}/nested/{nid}/privileges": ["get", "put"],
    "/groups/{id}/parent": ["get"],
    "/groups/{id}/parent/{pid}": ["get"],
    "/groups/{id}/effective_users": ["get"],
    "/groups/{id}/effective_users/{uid}": ["get"],
    "/groups/{id}/effective_users/{uid}/privileges": ["get"],
}

# rc11's id lists that declare a bare array while its own examples (and the real server) send an
# object with one member, as its other lists do: path -> that member.
ID_LISTS = {
    "/groups/{id}/users": "users",
    "/groups/{id}/nested": "nested_groups",
    "/groups/{id}/parent": "parent_groups",
    "/groups/{id}/effective_users": "users",
}

# Contract §7's zone privileges (what this server answers in OnezonePrivileges).
ZONE_PRIVILEGES = [
    "view_privileges", "set_privileges", "list_users", "list_groups", "oz_users_delete",
    "oz_groups_list_users", "oz_groups_list_groups", "oz_groups_add_members", "oz_groups_remove_members",
]


def keep_group_slice(doc):
    doc["paths"] = {
        path: {m: op for m, op in doc["paths"][path].items() if m in methods or m == "parameters"}
        for path, methods in SLICE.items()
    }
    missing = [(m, p) for p, ms in SLICE.items() for m in ms if m not in doc["paths"][p]]
    assert not missing, f"the rc11 document lacks operations this test expects: {missing}"


def apply_global_security(doc):
    doc["security"] = [{"api_key": []}, {"basic": []}]


def users_list_is_an_object(doc):
    ok = doc["paths"]["/groups/{id}/users"]["get"]["responses"]["200"]
    ok["schema"] = {"type": "object", "properties": {"users": {"type": "array", "items": {"type": "string"}}}}


def nested_lists_are_objects(doc):
    for path, member in ID_LISTS.items():
        if path == "/groups/{id}/users":
            continue  # users_list_is_an_object, the edit recorded first
        ok = doc["paths"][path]["get"]["responses"]["200"]
        ok["schema"] = {"type": "object", "properties": {member: {"type": "array", "items": {"type": "string"}}}}


def zone_privileges_of_this_release(doc):
    items = doc["definitions"]["OnezonePrivileges"]["properties"]["privileges"]["items"]
    items["enum"] = items["enum"] + [p for p in ZONE_PRIVILEGES if p not in items["enum"]]


# The recorded edits, in order: (name, why). Each is applied by the function of that name.
# A missing `consumes` is deliberately NOT edited: rc11's PUT/PATCH privileges declare none, so
# its client sends no Content-Type, and the server must read such a body as JSON (contract §2).
EDITS = [
    ("keep_group_slice",
     "the client is generated for the operations of contract §3 only, nested groups included (spaces, "
     "providers and handles are out of scope)"),
    ("apply_global_security",
     "rc11 defines the `api_key` (X-Auth-Token) and `basic` schemes but applies neither, so its client "
     "would send no credentials (17.06 adds this global `security`)"),
    ("users_list_is_an_object",
     "GET /groups/{id}/users declares a bare array, while its own example and the real server send "
     "{\"users\": [...]}, as the other lists do"),
    ("nested_lists_are_objects",
     "GET /groups/{id}/nested, /parent and /effective_users declare bare arrays, while rc11's own examples "
     "show {\"nested_groups\": []} and {\"parent_groups\": []}, and the server answers objects as for the "
     "other lists (nested_groups, parent_groups, users)"),
    ("zone_privileges_of_this_release",
     "OnezonePrivileges enumerates only rc11's space/provider names, not list_users, list_groups and the "
     "other names its own operations require (contract §7), so the client would refuse the server's answer"),
]


def edited(doc):
    """A copy of `doc` with every edit of EDITS applied."""
    doc = copy.deepcopy(doc)
    for name, _why in EDITS:
        globals()[name](doc)
    return doc
