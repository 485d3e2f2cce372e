package org.touchstone.protocols.importers.ijb;

/** {@code touchstone dataset import ijbc}: IJB-C from insightface's {@code IJB_release/IJBC}. */
public final class IjbcImporter extends IjbImporter {
    /** The service-loader constructor. */
    public IjbcImporter() {
        super(IjbVariant.IJBC);
    }
}
