package serve

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// event is a Server-Sent Event.
type event struct {
	name string
	data []byte // JSON, one line
}

func (e event) write(w http.ResponseWriter) error {
	_, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
	return err
}

// hub hands events to every open event stream.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]bool
	closed  bool
	done    chan struct{}
}

func newHub() *hub { return &hub{clients: map[chan event]bool{}, done: make(chan struct{})} }

// clientBuffer is how many events a slow stream may fall behind before it
// is dropped; the browser then reconnects and is told the current state.
const clientBuffer = 16

func (h *hub) subscribe() (chan event, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	c := make(chan event, clientBuffer)
	h.clients[c] = true
	return c, true
}

func (h *hub) unsubscribe(c chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.clients[c] {
		delete(h.clients, c)
		close(c)
	}
}

func (h *hub) send(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- e:
		default: // too far behind: drop it
			delete(h.clients, c)
			close(c)
		}
	}
}

// close ends every stream, for the server's shutdown.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	close(h.done)
	for c := range h.clients {
		delete(h.clients, c)
		close(c)
	}
}

// keepAlive is how often an idle stream gets a comment, so that it is
// seen to be alive.
const keepAlive = 20 * time.Second

// events streams the server's state: at once a "hello" with the build the
// browser should be showing and, if the last build failed, its errors;
// then a "reload" after each good build and a "failed" after each bad one.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	c, ok := s.hub.subscribe()
	if !ok {
		http.Error(w, "the server is shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(c)
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if _, err := fmt.Fprint(w, "retry: 1000\n\n"); err != nil {
		return
	}
	if err := s.hello().write(w); err != nil || rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case e, ok := <-c:
			if !ok {
				return
			}
			if e.write(w) != nil || rc.Flush() != nil {
				return
			}
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": alive\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		case <-r.Context().Done():
			return
		}
	}
}

// hello is the state a new stream starts from.
func (s *Server) hello() event {
	var b strings.Builder
	b.WriteString(`{"build":`)
	if site := s.site.Load(); site != nil {
		fmt.Fprintf(&b, "%q", site.tag)
	} else {
		fmt.Fprintf(&b, "%q", s.instance+"-0")
	}
	b.WriteString(`,"failed":`)
	if f := s.failed.Load(); f != nil {
		b.Write(f.json)
	} else {
		b.WriteString("null")
	}
	b.WriteString("}")
	return event{name: "hello", data: []byte(b.String())}
}
