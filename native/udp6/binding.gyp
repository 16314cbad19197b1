{
  "targets": [
    {
      "target_name": "fulmar_udp6",
      "sources": ["udp6.c"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-Wno-unused-parameter"],
      "conditions": [["OS!='linux'", {"type": "none"}]]
    }
  ]
}
