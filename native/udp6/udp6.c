// Batched UDP/IPv6 for the DHCPv6 transport (Linux).
//
// Why native: Node's dgram reads one datagram per recvmsg and, for every
// link-local sender, formats "fe80::...%iface" through glibc's if_indextoname,
// which opens, queries and closes a socket per packet. Here one readable event
// drains up to SLOTS datagrams per recvmmsg into a caller-owned arena, and JS
// gets one call per batch with the raw source address and scope id.
//
// Arena layout (owned by JS, kept alive by a reference): SLOTS slots of
// SLOT_BYTES payload, then SLOTS records of META_BYTES:
//   [0,16) source address, [16,20) scope id (LE), [20,22) port (LE),
//   [24,28) length (LE), [28,32) flags: 1 = truncated.

#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <node_api.h>
#include <uv.h>

// 16 KiB per datagram, ten times an Ethernet MTU (Kea reads 1,500): bigger ones are
// reported truncated and dropped. 32 slots keep the arena at half a megabyte per socket.
#define SLOTS 32
#define SLOT_BYTES 16384
#define META_BYTES 32
#define ARENA_BYTES (SLOTS * SLOT_BYTES + SLOTS * META_BYTES)
// Batches per readable event: bounds the time one socket holds the loop.
#define MAX_BATCHES_PER_EVENT 4

typedef struct {
  napi_env env;
  uv_poll_t poll;
  int fd;
  int closing;
  napi_ref callback;
  napi_ref arena_ref;
  uint8_t* arena;
  napi_async_context async;
  struct mmsghdr msgs[SLOTS];
  struct iovec iov[SLOTS];
  struct sockaddr_in6 from[SLOTS];
} reader_t;

static napi_value throw_errno(napi_env env, const char* what, int err) {
  char msg[256];
  snprintf(msg, sizeof msg, "%s: %s", what, strerror(err));
  napi_throw_error(env, NULL, msg);
  return NULL;
}

#define CHECK(call)                                      \
  do {                                                   \
    if ((call) != napi_ok) {                             \
      napi_throw_error(env, NULL, "napi call failed: " #call); \
      return NULL;                                       \
    }                                                    \
  } while (0)

static int get_bytes(napi_env env, napi_value v, uint8_t** data, size_t* len) {
  bool is;
  if (napi_is_buffer(env, v, &is) != napi_ok || !is) return 0;
  return napi_get_buffer_info(env, v, (void**)data, len) == napi_ok;
}

static int get_u32(napi_env env, napi_value v, uint32_t* out) {
  return napi_get_value_uint32(env, v, out) == napi_ok;
}

static struct sockaddr_in6 sockaddr6(const uint8_t* addr, uint32_t scope, uint32_t port) {
  struct sockaddr_in6 sa;
  memset(&sa, 0, sizeof sa);
  sa.sin6_family = AF_INET6;
  memcpy(&sa.sin6_addr, addr, 16);
  sa.sin6_port = htons((uint16_t)port);
  sa.sin6_scope_id = scope;
  return sa;
}

// The first argument, or NULL when there is none.
static napi_value first_arg(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1) return NULL;
  return argv[0];
}

static napi_value usage(napi_env env, const char* text) {
  napi_throw_type_error(env, NULL, text);
  return NULL;
}

// The single argument of fd(), as an int32; false (with a TypeError thrown) otherwise.
static int one_fd(napi_env env, napi_callback_info info, const char* text, int32_t* fd) {
  napi_value a = first_arg(env, info);
  if (!a || napi_get_value_int32(env, a, fd) != napi_ok) {
    usage(env, text);
    return 0;
  }
  return 1;
}

// open(address: Buffer(16), scopeId, port, joinIfindex, recvBuffer) -> fd
// Binds a non-blocking IPv6-only UDP socket; joinIfindex > 0 also joins the
// address (a multicast group) on that interface and sends multicast there.
static napi_value udp_open(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  uint8_t* addr;
  size_t addr_len;
  uint32_t scope, port, join, rcvbuf;
  if (argc < 5 || !get_bytes(env, argv[0], &addr, &addr_len) || addr_len != 16 || !get_u32(env, argv[1], &scope) ||
      !get_u32(env, argv[2], &port) || !get_u32(env, argv[3], &join) || !get_u32(env, argv[4], &rcvbuf) || port > 65535) {
    napi_throw_type_error(env, NULL, "open(address16, scopeId, port, joinIfindex, recvBuffer)");
    return NULL;
  }
  int fd = socket(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return throw_errno(env, "socket", errno);
  int one = 1;
  int size = (int)rcvbuf;
  struct sockaddr_in6 sa = sockaddr6(addr, scope, port);
  const char* step = NULL;
  if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0) step = "SO_REUSEADDR";
  else if (setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one) < 0) step = "IPV6_V6ONLY";
  else if (size > 0 && setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size) < 0) step = "SO_RCVBUF";
  else if (bind(fd, (struct sockaddr*)&sa, sizeof sa) < 0) step = "bind";
  else if (join > 0) {
    struct ipv6_mreq mreq;
    memcpy(&mreq.ipv6mr_multiaddr, addr, 16);
    mreq.ipv6mr_interface = join;
    int ifindex = (int)join;
    if (setsockopt(fd, IPPROTO_IPV6, IPV6_JOIN_GROUP, &mreq, sizeof mreq) < 0) step = "IPV6_JOIN_GROUP";
    else if (setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, &ifindex, sizeof ifindex) < 0) step = "IPV6_MULTICAST_IF";
  }
  if (step) {
    int err = errno;
    close(fd);
    return throw_errno(env, step, err);
  }
  napi_value out;
  CHECK(napi_create_int32(env, fd, &out));
  return out;
}

static void on_closed(uv_handle_t* h) {
  reader_t* r = (reader_t*)h->data;
  free(r);
}

static void reader_release(reader_t* r) {
  if (r->closing) return;
  r->closing = 1;
  uv_poll_stop(&r->poll);
  napi_delete_reference(r->env, r->callback);
  napi_delete_reference(r->env, r->arena_ref);
  napi_async_destroy(r->env, r->async);
  uv_close((uv_handle_t*)&r->poll, on_closed);
}

static void on_readable(uv_poll_t* poll, int status, int events) {
  reader_t* r = (reader_t*)poll->data;
  if (r->closing) return;
  napi_env env = r->env;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env, &scope) != napi_ok) return;
  napi_value cb, recv;
  napi_get_reference_value(env, r->callback, &cb);
  napi_get_global(env, &recv);
  (void)events;
  for (int batch = 0; batch < MAX_BATCHES_PER_EVENT && !r->closing; batch++) {
    int n = 0;
    int err = 0;
    for (int i = 0; i < SLOTS; i++) {
      r->msgs[i].msg_hdr.msg_namelen = sizeof r->from[i];
      r->msgs[i].msg_hdr.msg_flags = 0;
    }
    // Read even when the poll reports an error: a pending socket error comes back from the
    // read, which clears it, so a level-triggered error cannot make the loop spin.
    n = recvmmsg(r->fd, r->msgs, SLOTS, MSG_DONTWAIT, NULL);
    if (n < 0) {
      err = errno;
      n = 0;
      if (err == EAGAIN || err == EWOULDBLOCK || err == EINTR) {
        if (batch > 0 || status >= 0) break;
        err = -status;
      }
    }
    uint8_t* meta = r->arena + SLOTS * SLOT_BYTES;
    for (int i = 0; i < n; i++) {
      uint8_t* m = meta + i * META_BYTES;
      const struct sockaddr_in6* from = &r->from[i];
      uint32_t sid = from->sin6_scope_id;
      uint16_t p = ntohs(from->sin6_port);
      uint32_t len = r->msgs[i].msg_len;
      uint32_t flags = (r->msgs[i].msg_hdr.msg_flags & MSG_TRUNC) ? 1 : 0;
      if (from->sin6_family != AF_INET6) flags |= 2;
      memcpy(m, &from->sin6_addr, 16);
      memcpy(m + 16, &sid, 4);
      memcpy(m + 20, &p, 2);
      memcpy(m + 24, &len, 4);
      memcpy(m + 28, &flags, 4);
    }
    napi_value args[2];
    napi_create_int32(env, n, &args[0]);
    napi_create_int32(env, err, &args[1]);
    napi_value result;
    // make_callback drains process.nextTick and microtasks after the batch, as dgram's events do.
    napi_status st = napi_make_callback(env, r->async, recv, cb, 2, args, &result);
    if (st == napi_pending_exception) {
      napi_value e;
      napi_get_and_clear_last_exception(env, &e);
      napi_fatal_exception(env, e);
      break;
    }
    if (err != 0 || n < SLOTS) break;
  }
  napi_close_handle_scope(env, scope);
}

static void reader_finalize(napi_env env, void* data, void* hint) {
  (void)env;
  (void)hint;
  reader_release((reader_t*)data);
}

// start(fd, arena: Buffer(ARENA_BYTES), onBatch(count, errno)) -> reader
static napi_value udp_start(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int32_t fd;
  uint8_t* arena;
  size_t arena_len;
  napi_valuetype t;
  if (argc < 3 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || !get_bytes(env, argv[1], &arena, &arena_len) ||
      arena_len < ARENA_BYTES || napi_typeof(env, argv[2], &t) != napi_ok || t != napi_function) {
    napi_throw_type_error(env, NULL, "start(fd, arena, onBatch)");
    return NULL;
  }
  reader_t* r = calloc(1, sizeof *r);
  if (!r) return throw_errno(env, "calloc", ENOMEM);
  r->env = env;
  r->fd = fd;
  r->arena = arena;
  for (int i = 0; i < SLOTS; i++) {
    r->iov[i].iov_base = arena + (size_t)i * SLOT_BYTES;
    r->iov[i].iov_len = SLOT_BYTES;
    r->msgs[i].msg_hdr.msg_iov = &r->iov[i];
    r->msgs[i].msg_hdr.msg_iovlen = 1;
    r->msgs[i].msg_hdr.msg_name = &r->from[i];
  }
  uv_loop_t* loop;
  napi_value name;
  if (napi_get_uv_event_loop(env, &loop) != napi_ok || napi_create_string_utf8(env, "fulmar.udp6", NAPI_AUTO_LENGTH, &name) != napi_ok ||
      napi_async_init(env, NULL, name, &r->async) != napi_ok) {
    free(r);
    napi_throw_error(env, NULL, "cannot set up the reader");
    return NULL;
  }
  int rc = uv_poll_init(loop, &r->poll, fd);
  if (rc != 0) {
    napi_async_destroy(env, r->async);
    free(r);
    napi_throw_error(env, NULL, uv_strerror(rc));
    return NULL;
  }
  r->poll.data = r;
  napi_create_reference(env, argv[2], 1, &r->callback);
  napi_create_reference(env, argv[1], 1, &r->arena_ref);
  rc = uv_poll_start(&r->poll, UV_READABLE, on_readable);
  if (rc != 0) {
    reader_release(r);
    napi_throw_error(env, NULL, uv_strerror(rc));
    return NULL;
  }
  napi_value out;
  CHECK(napi_create_object(env, &out));
  CHECK(napi_wrap(env, out, r, reader_finalize, NULL, NULL));
  return out;
}

// stop(reader): stops reading and lets go of the callback and arena (the fd stays open).
static napi_value udp_stop(napi_env env, napi_callback_info info) {
  napi_value a = first_arg(env, info);
  void* data;
  if (!a || napi_remove_wrap(env, a, &data) != napi_ok) return usage(env, "stop(reader): not a running reader");
  reader_release((reader_t*)data);
  return NULL;
}

// send(fd, data: Buffer, address: Buffer(16), scopeId, port) -> 0 or errno.
// Non-blocking: EAGAIN comes back to the caller, which decides how to wait.
static napi_value udp_send(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  int32_t fd;
  uint8_t *data, *addr;
  size_t len, addr_len;
  uint32_t scope, port;
  if (argc < 5 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || !get_bytes(env, argv[1], &data, &len) ||
      !get_bytes(env, argv[2], &addr, &addr_len) || addr_len < 16 || !get_u32(env, argv[3], &scope) || !get_u32(env, argv[4], &port) ||
      port > 65535) {
    napi_throw_type_error(env, NULL, "send(fd, data, address16, scopeId, port)");
    return NULL;
  }
  struct sockaddr_in6 sa = sockaddr6(addr, scope, port);
  ssize_t n;
  do n = sendto(fd, data, len, MSG_DONTWAIT, (struct sockaddr*)&sa, sizeof sa);
  while (n < 0 && errno == EINTR);
  napi_value out;
  CHECK(napi_create_int32(env, n < 0 ? errno : 0, &out));
  return out;
}

// close(fd)
static napi_value udp_close(napi_env env, napi_callback_info info) {
  int32_t fd;
  if (!one_fd(env, info, "close(fd)", &fd)) return NULL;
  close(fd);
  return NULL;
}

// recvBufferSize(fd) -> SO_RCVBUF as the kernel reports it
static napi_value udp_recv_buffer_size(napi_env env, napi_callback_info info) {
  int32_t fd;
  if (!one_fd(env, info, "recvBufferSize(fd)", &fd)) return NULL;
  int size = 0;
  socklen_t sl = sizeof size;
  if (getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, &sl) < 0) return throw_errno(env, "SO_RCVBUF", errno);
  napi_value out;
  CHECK(napi_create_int32(env, size, &out));
  return out;
}

// localPort(fd) -> the bound port (for port 0 in tests)
static napi_value udp_local_port(napi_env env, napi_callback_info info) {
  int32_t fd;
  if (!one_fd(env, info, "localPort(fd)", &fd)) return NULL;
  struct sockaddr_in6 sa;
  socklen_t sl = sizeof sa;
  if (getsockname(fd, (struct sockaddr*)&sa, &sl) < 0) return throw_errno(env, "getsockname", errno);
  napi_value out;
  CHECK(napi_create_uint32(env, ntohs(sa.sin6_port), &out));
  return out;
}

// ifIndex(name) -> index, 0 when there is no such interface
static napi_value if_index(napi_env env, napi_callback_info info) {
  napi_value a = first_arg(env, info);
  char name[IF_NAMESIZE + 1];
  size_t len;
  if (!a || napi_get_value_string_utf8(env, a, name, sizeof name, &len) != napi_ok) return usage(env, "ifIndex(name)");
  napi_value out;
  CHECK(napi_create_uint32(env, len >= IF_NAMESIZE ? 0 : if_nametoindex(name), &out));
  return out;
}

// ifName(index) -> name, or undefined when there is none
static napi_value if_name(napi_env env, napi_callback_info info) {
  napi_value a = first_arg(env, info);
  uint32_t index;
  if (!a || !get_u32(env, a, &index)) return usage(env, "ifName(index)");
  char name[IF_NAMESIZE];
  napi_value out;
  if (index == 0 || !if_indextoname(index, name)) CHECK(napi_get_undefined(env, &out));
  else CHECK(napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &out));
  return out;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"open", NULL, udp_open, NULL, NULL, NULL, napi_default, NULL},
      {"start", NULL, udp_start, NULL, NULL, NULL, napi_default, NULL},
      {"stop", NULL, udp_stop, NULL, NULL, NULL, napi_default, NULL},
      {"send", NULL, udp_send, NULL, NULL, NULL, napi_default, NULL},
      {"close", NULL, udp_close, NULL, NULL, NULL, napi_default, NULL},
      {"recvBufferSize", NULL, udp_recv_buffer_size, NULL, NULL, NULL, napi_default, NULL},
      {"localPort", NULL, udp_local_port, NULL, NULL, NULL, napi_default, NULL},
      {"ifIndex", NULL, if_index, NULL, NULL, NULL, napi_default, NULL},
      {"ifName", NULL, if_name, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  napi_value v;
  napi_create_uint32(env, SLOTS, &v);
  napi_set_named_property(env, exports, "SLOTS", v);
  napi_create_uint32(env, SLOT_BYTES, &v);
  napi_set_named_property(env, exports, "SLOT_BYTES", v);
  napi_create_uint32(env, META_BYTES, &v);
  napi_set_named_property(env, exports, "META_BYTES", v);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
