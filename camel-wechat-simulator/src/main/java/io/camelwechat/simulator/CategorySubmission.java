package io.camelwechat.simulator;

import java.util.List;

/** One category as an add or modify request submits it. */
record CategorySubmission(CategoryKey key, List<CertificateState> certificates) {

    CategorySubmission {
        certificates = List.copyOf(certificates);
    }
}
