package io.camelwechat.benchmarks.load;

/** One way of calling getIndustry ({@code GET /cgi-bin/template/get_industry}) for one account. */
interface IndustryClient extends AutoCloseable {

    String name();

    /** One getIndustry call; throws when the caller would see a failure. */
    Object getIndustry() throws Exception;

    @Override
    void close();
}
