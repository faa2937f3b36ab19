package io.circuitsynth.symbols;

import io.circuitsynth.CircuitSynthException;
import java.util.List;

/** A {@code LIB:NAME} that no indexed library holds; the message lists close matches and where it looked. */
public final class SymbolNotFoundException extends CircuitSynthException {
    private static final long serialVersionUID = 1L;
    /** At most this many libraries are listed by name in the message. */
    static final int LISTED_LIBRARIES = 10;

    private final String id;
    private final transient List<String> closestMatches;

    public SymbolNotFoundException(String id, List<String> closestMatches, List<LibrarySource> searched) {
        super(message(id, closestMatches, searched));
        this.id = id;
        this.closestMatches = List.copyOf(closestMatches);
    }

    /** The symbol asked for, as given. */
    public String id() {
        return id;
    }

    /** Up to five {@code LIB:NAME} suggestions, best first. */
    public List<String> closestMatches() {
        return closestMatches;
    }

    static String message(String id, List<String> matches, List<LibrarySource> searched) {
        StringBuilder m = new StringBuilder("Unknown symbol '").append(id).append("'.");
        if (id.indexOf(':') < 0) {
            m.append(" Symbols are named LIB:NAME, such as Device:R.");
        }
        if (matches.isEmpty()) {
            m.append(" No close matches.");
        } else {
            m.append(" Closest matches: ").append(String.join(", ", matches)).append('.');
        }
        if (searched.isEmpty()) {
            m.append(" No symbol libraries were searched; install KiCad's symbol libraries or add a library.");
            return m.toString();
        }
        m.append(" Searched ").append(searched.size()).append(searched.size() == 1 ? " library: " : " libraries: ");
        int listed = Math.min(LISTED_LIBRARIES, searched.size());
        for (int i = 0; i < listed; i++) {
            LibrarySource s = searched.get(i);
            if (i > 0) {
                m.append(", ");
            }
            m.append(s.nickname()).append(" (").append(s.path()).append(')');
        }
        if (searched.size() > listed) {
            m.append(" and ").append(searched.size() - listed).append(" more");
        }
        return m.append('.').toString();
    }
}
