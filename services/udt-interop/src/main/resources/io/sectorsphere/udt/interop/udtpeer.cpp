// A test and benchmark peer built against the UDT 4.11 reference library (Debian libudt-dev).
//
// udtpeer <server|client> <host:port> <send|recv> [--bytes N | --seconds S] [--mss M]
//         [--data stdio|memory] [--window PKTS]
//
// The server prints "listening port=P" to stderr once bound (port 0 picks an ephemeral one) and
// accepts one connection. At the end one line "done bytes=N seconds=S cpu_seconds=C mbps=M"
// goes to stderr and the exit status is 0; any UDT error prints "error <message>" and exits 1.
// Build: g++ -O2 -o udtpeer udtpeer.cpp -ludt -lpthread

#include <udt/udt.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

const int kChunkBytes = 1 << 20;
// Generous so that a long, fat path can drain its send buffer before close() gives up.
const int kLingerSeconds = 120;

struct Options {
    bool server = false;
    bool send = false;
    std::string host;
    int port = 0;
    long long bytes = -1;      // -1: unbounded
    double seconds = -1;       // -1: unbounded
    int mss = 0;               // 0: library default
    bool stdio = false;
    int window = 0;            // 0: library default
};

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "error %s\n", message.c_str());
    std::fflush(stderr);
    _exit(1);
}

[[noreturn]] void failUdt(const char* during) {
    fail(std::string(during) + ": " + UDT::getlasterror().getErrorMessage());
}

[[noreturn]] void usage() {
    fail("usage: udtpeer <server|client> <host:port> <send|recv> [--bytes N | --seconds S] "
         "[--mss M] [--data stdio|memory] [--window PKTS]");
}

double now() {
    timeval tv;
    gettimeofday(&tv, nullptr);
    return tv.tv_sec + tv.tv_usec / 1e6;
}

double cpuSeconds() {
    rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

Options parse(int argc, char** argv) {
    if (argc < 4) usage();
    Options options;
    std::string role = argv[1], address = argv[2], direction = argv[3];
    if (role != "server" && role != "client") usage();
    if (direction != "send" && direction != "recv") usage();
    options.server = role == "server";
    options.send = direction == "send";
    size_t colon = address.rfind(':');
    if (colon == std::string::npos) usage();
    options.host = address.substr(0, colon);
    options.port = std::atoi(address.c_str() + colon + 1);
    for (int i = 4; i < argc; i++) {
        std::string flag = argv[i];
        if (i + 1 >= argc) usage();
        std::string value = argv[++i];
        if (flag == "--bytes") options.bytes = std::atoll(value.c_str());
        else if (flag == "--seconds") options.seconds = std::atof(value.c_str());
        else if (flag == "--mss") options.mss = std::atoi(value.c_str());
        else if (flag == "--window") options.window = std::atoi(value.c_str());
        else if (flag == "--data" && (value == "stdio" || value == "memory")) options.stdio = value == "stdio";
        else usage();
    }
    if (options.send && !options.stdio && options.bytes < 0 && options.seconds < 0) {
        fail("sending from memory needs --bytes or --seconds");
    }
    return options;
}

sockaddr_in resolve(const Options& options) {
    addrinfo hints = {};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo* result = nullptr;
    int status = getaddrinfo(options.host.c_str(), nullptr, &hints, &result);
    if (status != 0) fail("cannot resolve " + options.host + ": " + gai_strerror(status));
    sockaddr_in address;
    std::memcpy(&address, result->ai_addr, sizeof(address));
    freeaddrinfo(result);
    address.sin_port = htons(options.port);
    return address;
}

void setInt(UDTSOCKET socket, UDT::SOCKOPT option, int value, const char* name) {
    if (UDT::setsockopt(socket, 0, option, &value, sizeof(value)) == UDT::ERROR) failUdt(name);
}

// Order matters: UDT converts buffer sizes to packets with the MSS and caps them at the flow window.
void configure(UDTSOCKET socket, const Options& options) {
    if (options.mss > 0) setInt(socket, UDT_MSS, options.mss, "UDT_MSS");
    if (options.window > 0) {
        int mss = options.mss > 0 ? options.mss : 1500;
        long long bytes = static_cast<long long>(options.window) * mss;
        int bufferBytes = bytes > 0x7fffffff ? 0x7fffffff : static_cast<int>(bytes);
        int udpBytes = bufferBytes > (64 << 20) ? (64 << 20) : bufferBytes;
        setInt(socket, UDT_FC, options.window, "UDT_FC");
        setInt(socket, UDT_SNDBUF, bufferBytes, "UDT_SNDBUF");
        setInt(socket, UDT_RCVBUF, bufferBytes, "UDT_RCVBUF");
        setInt(socket, UDP_SNDBUF, udpBytes, "UDP_SNDBUF");
        setInt(socket, UDP_RCVBUF, udpBytes, "UDP_RCVBUF");
    }
    linger lingerOption = {1, kLingerSeconds};
    if (UDT::setsockopt(socket, 0, UDT_LINGER, &lingerOption, sizeof(lingerOption)) == UDT::ERROR) {
        failUdt("UDT_LINGER");
    }
}

UDTSOCKET establish(const Options& options) {
    sockaddr_in address = resolve(options);
    UDTSOCKET socket = UDT::socket(AF_INET, SOCK_STREAM, 0);
    if (socket == UDT::INVALID_SOCK) failUdt("socket");
    configure(socket, options);
    if (!options.server) {
        if (UDT::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == UDT::ERROR) {
            failUdt("connect");
        }
        return socket;
    }
    if (UDT::bind(socket, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == UDT::ERROR) failUdt("bind");
    if (UDT::listen(socket, 1) == UDT::ERROR) failUdt("listen");
    sockaddr_in bound;
    int boundLength = sizeof(bound);
    if (UDT::getsockname(socket, reinterpret_cast<sockaddr*>(&bound), &boundLength) == UDT::ERROR) {
        failUdt("getsockname");
    }
    std::fprintf(stderr, "listening port=%d\n", ntohs(bound.sin_port));
    std::fflush(stderr);
    sockaddr_in peer;
    int peerLength = sizeof(peer);
    UDTSOCKET accepted = UDT::accept(socket, reinterpret_cast<sockaddr*>(&peer), &peerLength);
    if (accepted == UDT::INVALID_SOCK) failUdt("accept");
    UDT::close(socket);
    return accepted;
}

bool timeLeft(const Options& options, double start) {
    return options.seconds < 0 || now() - start < options.seconds;
}

long long wanted(const Options& options, long long done) {
    long long left = options.bytes < 0 ? kChunkBytes : options.bytes - done;
    return left < kChunkBytes ? left : kChunkBytes;
}

void sendAll(UDTSOCKET socket, const char* data, int length) {
    for (int offset = 0; offset < length;) {
        int sent = UDT::send(socket, data + offset, length - offset, 0);
        if (sent == UDT::ERROR) failUdt("send");
        offset += sent;
    }
}

long long sendData(UDTSOCKET socket, const Options& options, double start) {
    std::vector<char> buffer(kChunkBytes);
    if (!options.stdio) {
        for (size_t i = 0; i < buffer.size(); i++) buffer[i] = static_cast<char>(i * 31 + 7);
    }
    long long done = 0;
    while (timeLeft(options, start)) {
        int length = static_cast<int>(wanted(options, done));
        if (length == 0) break;
        if (options.stdio) {
            ssize_t got = read(STDIN_FILENO, buffer.data(), length);
            if (got < 0) fail(std::string("read stdin: ") + std::strerror(errno));
            if (got == 0) break;
            length = static_cast<int>(got);
        }
        sendAll(socket, buffer.data(), length);
        done += length;
    }
    return done;
}

void writeAll(const char* data, int length) {
    for (int offset = 0; offset < length;) {
        ssize_t written = write(STDOUT_FILENO, data + offset, length - offset);
        if (written < 0) fail(std::string("write stdout: ") + std::strerror(errno));
        offset += static_cast<int>(written);
    }
}

long long receiveData(UDTSOCKET socket, const Options& options, double start) {
    std::vector<char> buffer(kChunkBytes);
    long long done = 0;
    while (timeLeft(options, start)) {
        int length = static_cast<int>(wanted(options, done));
        if (length == 0) break;
        int got = UDT::recv(socket, buffer.data(), length, 0);
        if (got == UDT::ERROR) {
            // The sender closing after its last byte ends an unbounded receive; otherwise it is an error.
            int code = UDT::getlasterror().getErrorCode();
            bool peerClosed = code == CUDTException::ECONNLOST || code == CUDTException::ENOCONN;
            if (peerClosed && options.bytes < 0) break;
            failUdt("recv");
        }
        if (options.stdio) writeAll(buffer.data(), got);
        done += got;
    }
    return done;
}

}  // namespace

int main(int argc, char** argv) {
    Options options = parse(argc, argv);
    if (UDT::startup() == UDT::ERROR) failUdt("startup");
    UDTSOCKET socket = establish(options);
    double start = now();
    long long bytes = options.send ? sendData(socket, options, start) : receiveData(socket, options, start);
    // With UDT_LINGER set, close() returns once the peer has acknowledged everything sent.
    UDT::close(socket);
    double seconds = now() - start;
    std::fprintf(stderr, "done bytes=%lld seconds=%.3f cpu_seconds=%.3f mbps=%.2f\n",
                 bytes, seconds, cpuSeconds(), seconds > 0 ? bytes * 8 / seconds / 1e6 : 0.0);
    std::fflush(stderr);
    // Skips the library's static teardown, which can stall on its worker threads.
    _exit(0);
}
