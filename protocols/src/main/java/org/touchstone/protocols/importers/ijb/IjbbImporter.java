package org.touchstone.protocols.importers.ijb;

/** {@code touchstone dataset import ijbb}: IJB-B from insightface's {@code IJB_release/IJBB}. */
public final class IjbbImporter extends IjbImporter {
    /** The service-loader constructor. */
    public IjbbImporter() {
        super(IjbVariant.IJBB);
    }
}
