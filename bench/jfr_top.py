"""Where a JFR recording's CPU samples land: the top frames by self time, and each sample's layer
(the library of its top frame). Reads `jfr print --json --events jdk.ExecutionSample`."""
import collections, json, sys

LAYERS = [  # first match wins: (prefix of the top frame's class, layer)
    ("dev.spotifybff.", "this application"), ("com.fasterxml.jackson.", "Jackson (JSON)"),
    ("io.netty.", "Netty (network I/O)"), ("io.vertx.", "Vert.x"), ("org.jboss.resteasy.reactive.", "Quarkus REST"),
    ("io.quarkus.", "Quarkus"), ("io.smallrye.", "SmallRye (Mutiny, config)"), ("io.micrometer.", "Micrometer"),
    ("com.github.benmanes.caffeine.", "Caffeine"), ("com.sun.crypto.", "JDK crypto"), ("sun.security.", "JDK crypto"),
    ("javax.crypto.", "JDK crypto"), ("java.util.concurrent.", "JDK concurrency"), ("java.", "JDK other"),
    ("jdk.", "JDK other"), ("sun.", "JDK other"), ("org.jboss.", "JBoss (logging, threads)"),
]

JDK = ("java.", "jdk.", "sun.", "com.sun.", "javax.")
layer_of = lambda name: next((layer for prefix, layer in LAYERS if name.startswith(prefix)), "other")

events = json.load(open(sys.argv[1]))["recording"]["events"]
self_time, layers, total = collections.Counter(), collections.Counter(), 0
for event in events:
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    if not frames:
        continue
    total += 1
    top = frames[0]["method"]
    name = top["type"]["name"].replace("/", ".") + "." + top["name"]
    self_time[name] += 1
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    # The JDK's own frames count for the library that called them (a HashMap.get in Netty is Netty's).
    caller = next((n for n in names if not n.startswith(JDK)), name)
    layers[layer_of(caller) if not caller.startswith(JDK) else "JDK (threads, no library caller)"] += 1

print(f"  {total} samples")
print("  top frames by self time:")
for name, n in self_time.most_common(15):
    print(f"    {100 * n / total:5.1f}%  {name}")
print("  self time by layer (the library of the top frame, or of the first library frame below JDK frames):")
for layer, n in layers.most_common():
    print(f"    {100 * n / total:5.1f}%  {layer}")
